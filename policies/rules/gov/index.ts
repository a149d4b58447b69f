import type { Rule } from '../../rule';
import { AiAssistantCovered } from './AiAssistantCovered';
import { BusinessAssociateAgreement } from './BusinessAssociateAgreement';
import { DataResidencyAttested } from './DataResidencyAttested';

export const GOV_RULES: readonly Rule[] = [BusinessAssociateAgreement, AiAssistantCovered, DataResidencyAttested];
