/** A problem with the declaration against the live org that stops a plan or apply; one line for the user. */
export class PlanError extends Error {
  override readonly name = 'PlanError';
}

/** A write Webex accepted but whose result does not match what was sent. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
}
