// Post bodies for benchmarks: varied German Markdown as people write it in a working group
// (paragraphs, lists, links, inline code and code blocks, emphasis, quotes, a table), so that
// rendering and payload sizes are realistic. Every body carries a unique ASCII marker
// (`bench-ref-000123`), which lets a benchmark count how often a post's text appears in a page.

const templates: ((ref: string, n: number) => string)[] = [
  (ref, n) => `Guten Morgen zusammen (${ref}),

ich habe mir den Entwurf zur **Schnittstellenbeschreibung** noch einmal angesehen. Aus meiner Sicht fehlen zwei Punkte:

1. Wie gehen wir mit *Zeitzonen* um, wenn Termine aus Magdeburg und Halle zusammengeführt werden?
2. Wer ist für die Pflege der Stammdaten verantwortlich, sobald das Pilotprojekt abgeschlossen ist?

Die aktuelle Fassung liegt unter [Entwurf v${n % 7}](https://example.org/entwurf/${n}). Bitte bis Freitag kommentieren.`,

  (ref) => `Kurze Rückmeldung aus der Kommune (${ref}): Der Export funktioniert jetzt, aber das Datumsformat ist noch \`JJJJ-MM-TT\` statt \`TT.MM.JJJJ\`. Ist das so gewollt?`,

  (ref, n) => `## Protokoll der Sitzung vom ${(n % 28) + 1}. März (${ref})

**Anwesend:** Frau Schröder, Herr Müller, Frau Özdemir, Herr Weiß

- Stand der Ausschreibung: Unterlagen sind versandt, Rückfragen bis zum 15. des Monats
- Datenschutz: die Folgenabschätzung wird von der Stabsstelle geprüft
- Barrierefreiheit: Prüfung nach **BITV 2.0** ist beauftragt
  - Ergebnis wird in der nächsten Sitzung vorgestellt
  - offene Punkte sammeln wir [im Wiki](https://example.org/wiki/barrierefreiheit)

> Nächster Termin: Dienstag, 10:00 Uhr, Raum 3.14 oder per Videokonferenz.

Bei Fragen gern direkt an mich wenden.`,

  (ref) => `Danke für die Zusammenfassung! 👍 Ich stimme dem Vorschlag zu (${ref}).`,

  (ref, n) => `Zur Frage nach der Konfiguration (${ref}): Bei uns läuft das mit folgender Einstellung stabil:

\`\`\`yaml
server:
  port: ${3000 + (n % 100)}
  timeout: 30s
datenbank:
  verbindungen: 10
  wiederholungen: 3
\`\`\`

Wichtig ist, dass \`timeout\` größer ist als die längste Abfrage, sonst bricht der Import ab. Mehr dazu in der [Betriebsanleitung](https://example.org/doku/betrieb#zeitlimits).`,

  (ref, n) => `Ich möchte noch einmal auf den Punkt **Fördermittel** zurückkommen (${ref}). Nach Rücksprache mit dem Ministerium ist eine Förderung grundsätzlich möglich, allerdings nur, wenn mindestens drei Landkreise gemeinsam beantragen. Der Eigenanteil liegt bei ${10 + (n % 15)} Prozent.

Für den Antrag brauchen wir:

- eine Projektskizze (max. 5 Seiten)
- einen Kosten- und Finanzierungsplan
- Absichtserklärungen der beteiligten Verwaltungen
- eine Darstellung der *Nachnutzbarkeit* für andere Kommunen

Wer hätte Kapazität, die Skizze zu übernehmen? Ich kann den Finanzierungsplan beisteuern.`,

  (ref) => `Hier die Übersicht der Rückmeldungen (${ref}):

| Landkreis | Rückmeldung | Ansprechperson |
| --- | --- | --- |
| Harz | Zustimmung | Frau Lehmann |
| Börde | noch offen | Herr Krüger |
| Saalekreis | Zustimmung mit Auflagen | Frau Braun |
| Altmarkkreis | Ablehnung | – |

Die Auflagen aus dem Saalekreis betreffen vor allem den Betrieb im eigenen Rechenzentrum.`,

  (ref, n) => `@Herr Müller: Das Skript bricht bei mir mit folgender Meldung ab (${ref}):

\`\`\`
Fehler: Verbindung zu db.intern:5432 abgelehnt
    bei verbinde (import.js:${40 + (n % 60)})
    bei Hauptprogramm (import.js:12)
\`\`\`

Liegt das an der Firewall-Freigabe, die letzte Woche beantragt wurde? Mit \`ping db.intern\` komme ich durch.`,

  (ref) => `> Wer hätte Kapazität, die Skizze zu übernehmen?

Ich übernehme das gern (${ref}). Ich würde mich an der Gliederung des letzten Antrags orientieren und bis Mitte nächster Woche einen ersten Entwurf hochladen. Für die Abschnitte zur **technischen Umsetzung** bräuchte ich Zuarbeit aus der AG Technik.`,

  (ref, n) => `Kleine Ergänzung zur Terminplanung (${ref}):

1. **Kick-off** am ${(n % 20) + 1}. April
2. Anforderungsworkshop mit den Fachämtern
3. Erstellung des Lastenhefts
4. Abstimmung mit dem Personalrat
5. Veröffentlichung der Ausschreibung

Schritt 4 wird gern vergessen und kostet dann am Ende Wochen. Siehe auch die Hinweise der [Landesverwaltung](https://example.org/hinweise) und die ~~alte~~ neue Checkliste.`,

  (ref) => `Ich finde den Ansatz gut, habe aber Bedenken beim Thema *Nachhaltigkeit* (${ref}). Wenn das Projekt nach zwei Jahren ausläuft, muss klar sein, wer den Betrieb übernimmt. Sonst stehen wir wieder vor derselben Situation wie beim letzten Portal, das nach dem Ende der Förderung abgeschaltet wurde. Das sollten wir im Antrag ausdrücklich beantworten, denn die Gutachter achten erfahrungsgemäß genau darauf.

Vielleicht lässt sich eine Vereinbarung mit dem kommunalen IT-Dienstleister schließen?`,

  (ref, n) => `Update (${ref}): Version ${1 + (n % 4)}.${n % 10} ist auf der Testumgebung eingespielt.

- [x] Anmeldung über das Landesportal
- [x] Export als CSV
- [ ] Export als PDF (kommt mit der nächsten Version)
- [ ] Schnittstelle zum Dokumentenmanagement

Bitte testet vor allem die Suche mit Umlauten (ä, ö, ü, ß) – da gab es vorher Probleme.`,
];

export const markdownTemplateCount = templates.length;

/** The marker a body made with `markdownBody(n)` contains, e.g. `bench-ref-000042`. */
export const benchRef = (n: number) => `bench-ref-${String(n).padStart(6, "0")}`;

/** A realistic German Markdown post body; `n` picks the template and makes the text unique. */
export function markdownBody(n: number): string {
  return templates[n % templates.length](benchRef(n), n);
}
