import { MANIFEST_FILE_NAME } from '../manifest/load';

/** What the apply resource runs by default: the project's own CLI, never downloaded at apply time. */
export const DEFAULT_APPLY_COMMAND = 'npx --no-install webex-iac';

/**
 * The shell command that applies one org:
 * `<applyCommand> apply --manifest webex-manifest.json --org '<name>' --auto-approve`.
 * The manifest path is relative because Terraform runs in the stack folder, beside the manifest. The
 * token is not part of it: the CLI reads it from the environment.
 */
export function applyCommandLine(applyCommand: string, orgName: string): string {
  return `${applyCommand} apply --manifest ${MANIFEST_FILE_NAME} --org ${shellQuote(orgName)} --auto-approve`;
}

/** Quotes `value` as one word for a POSIX shell (`/bin/sh -c`, which local-exec uses on Unix). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Escapes the template sequences of a Terraform string (`${` and `%{`), so that Terraform passes
 * `value` through literally instead of interpolating it.
 */
export function escapeTerraformTemplate(value: string): string {
  // Replacement functions, not strings: in a replacement string `$$` would collapse to `$`.
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
