/**
 * `${…}` and `%{…}` are Terraform template sequences, and `${TfToken[…]}` / `#{TfToken[…]}` are how
 * cdktf encodes tokens in strings: a declared name holding one is rewritten on the way to cdk.tf.json,
 * so the Terraform command would name another org than the manifest. Such names are refused.
 */
export const TEMPLATE_SEQUENCE = /[$%#]\{/;

export const TEMPLATE_SEQUENCE_RULE = 'without "${", "%{" or "#{" (Terraform and cdktf would rewrite them)';

export function containsTemplateSequence(text: string): boolean {
  return TEMPLATE_SEQUENCE.test(text);
}

/** Matches text without a template sequence; a regex (not a refinement) so that the JSON Schema carries it too. */
export const WITHOUT_TEMPLATE_SEQUENCE = /^(?![\s\S]*[$%#]\{)[\s\S]*$/;
