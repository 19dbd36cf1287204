import type enScorecard from "./en-scorecard";

/** Texto en español de la scorecard del entrevistador. */
const esScorecard: typeof enScorecard = {
  title: "Scorecard: {{name}}",
  intro: "Puntuá de 1 a 5 cada rasgo que evalúa una pregunta, con las anclas de comportamiento a la vista. Tu trabajo se guarda a medida que avanzás; nadie lo ve hasta que lo enviás.",
  kitLine: "{{kit}} · versión {{version}}",
  question: "Pregunta {{number}} de {{count}}",
  evaluates: "Evalúa",
  ratingFor: "{{trait}}: puntaje",
  notRated: "Sin puntaje",
  anchor: "{{rating}}: {{text}}",
  notes: "Notas de la pregunta {{number}}",
  strengths: "Fortalezas observadas",
  redFlags: "Señales de alerta observadas",
  evidence: "Evidencia de: {{flag}}",
  evidenceHint: "Una línea sobre lo que la persona dijo o hizo.",
  recommendation: "Recomendación general",
  save: "Guardar",
  submit: "Enviar scorecard",
  submitHint: "Una vez enviada, tu scorecard queda de solo lectura y ves el resultado del panel.",
  savedAt: "Guardado a las {{time}}",
  saving: "Guardando…",
  notSaved: "Sin guardar — reintentando",
  locked: "Esta scorecard ya se envió: es de solo lectura.",
  submittedAt: "Enviada a las {{time}}. Es de solo lectura; un reclutador puede reabrirla.",
  viewPanel: "Ver el resultado del panel",
  hasErrors_one: "No se envió: {{count}} campo necesita atención (marcado abajo).",
  hasErrors_other: "No se envió: {{count}} campos necesitan atención (marcados abajo).",
  errors: {
    intent: "Acción desconocida",
    unknownQuestion: "Esta pregunta o rasgo no está en este kit",
    unknownItem: "No está en este kit",
    rating: "Un puntaje es un número entero de 1 a 5",
    notesTooLong: "Las notas tienen un máximo de 5.000 caracteres",
    evidenceTooLong: "La evidencia tiene un máximo de 1.000 caracteres",
    evidenceRequired: "Escribí una línea de evidencia para esta señal de alerta",
    recommendationRequired: "Elegí una recomendación general para enviar",
    recommendationUnknown: "Elegí una de las cuatro recomendaciones",
  },
};

export default esScorecard;
