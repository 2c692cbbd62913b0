// One metric of one scenario and segment, with its 95% bootstrap interval (null where not applicable).
export type SimResultRow = {
  scenario: string;
  segment: string;
  metric: string;
  value: number;
  lo: number | null;
  hi: number | null;
};
