/**
 * Sachsen-Anhalt's ministries (Ressorts) as the programme names them: suggested where a spotlight is
 * forwarded and, later, as the responsible Ressort of an OZG service. Client-safe.
 */
export const ressorts = [
  { code: "STK", name: "Staatskanzlei und Ministerium für Kultur" },
  { code: "MI", name: "Ministerium für Inneres und Sport" },
  { code: "MF", name: "Ministerium der Finanzen" },
  { code: "MJ", name: "Ministerium für Justiz und Verbraucherschutz" },
  { code: "MB", name: "Ministerium für Bildung" },
  { code: "MWL", name: "Ministerium für Wirtschaft, Tourismus, Landwirtschaft und Forsten" },
  { code: "MS", name: "Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung" },
  { code: "MWU", name: "Ministerium für Wissenschaft, Energie, Klimaschutz und Umwelt" },
  { code: "MID", name: "Ministerium für Infrastruktur und Digitales" },
] as const;

export type RessortCode = (typeof ressorts)[number]["code"];
