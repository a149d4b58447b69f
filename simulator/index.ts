export { startSimulator } from './start-simulator';
export type { SimulatorOptions } from './simulator-options';
export type { RunningSimulator } from './running-simulator';
export type { RecordedExchange } from './recorded-exchange';
export type { Fault, FaultKind, StatusFault, DropFault, LoseResponseFault, FaultTarget } from './faults';
export type { SeedName } from './seeds/load-seed';
export { CLINIC } from './seeds/clinic';
export { EMPTY } from './seeds/empty';
