// The design system ships its own types; no ambient module declarations are needed here.
export {};
