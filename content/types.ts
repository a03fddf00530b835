// The shape of a content pack (../shared/content-pack.md). Types only, so the renderer
// can share them; the checks live in pack.ts.

export const FORMAT = 'olifant-pack/1';

export type Text = Record<string, string>;

export interface ScaleAnswer {
  type: 'scale';
  steps: number;
  min: Text;
  max: Text;
}

export interface ChoiceAnswer {
  type: 'choice';
  options: Array<{ id: string; label: Text }>;
}

export interface Question {
  id: string;
  slot: number;
  prompt: Text;
  answer: ScaleAnswer | ChoiceAnswer;
  insight?: Text;
  image?: string;
}

export interface Pack {
  format: typeof FORMAT;
  id: string;
  version: number;
  title: Text;
  languages: string[];
  attract: { headline: Text; image?: string };
  questions: Question[];
  assets: Record<string, string>;
}
