/**
 * A fault prefix for the reference marketplace that fails only the first
 * `times` matching requests, so a story can show a failure and then the retry
 * getting through.
 *
 * The marketplace counts `times` per spec text for as long as Storybook runs,
 * so a fixed spec would fail only the first time the story is shown. Each
 * call therefore adds a different, imperceptible `latency` (under 0.2 s),
 * which makes the spec, and its count, new.
 */
let serial = Math.floor(Math.random() * 200);

export function failOnce(spec: string): string {
  serial = (serial + 1) % 200;
  return `/_fault/${spec},latency=${serial}`;
}
