import type enReportSelf from "./en-report-self";

/** "Su autoinforme" en el informe del candidato: mismas claves que en-report-self.ts. */
const esReportSelf: typeof enReportSelf = {
  heading: "Su autoinforme",
  intro:
    "Cómo se describió usted en el cuestionario de personalidad que envió el {{date}}, puntuado de 0 a 100 en cada rasgo. Es su propia visión, leída junto a la entrevista; ninguna de las dos es un veredicto por sí sola.",
  traitsCaption: "Su autoinforme: un puntaje por rasgo (0–100)",
  trait: "Rasgo",
  score: "Su puntaje",
  notMeasured: "el cuestionario no lo mide",
  notScored: "sin puntaje: quedaron demasiadas preguntas sin responder",
  facetsHeading: "{{trait}}: sus seis facetas",
  facetScore: "{{title}}: {{score}}",
  facetNotScored: "{{title}}: sin puntaje",
};

export default esReportSelf;
