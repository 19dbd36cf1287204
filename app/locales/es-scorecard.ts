import type enScorecard from "./en-scorecard";

/** Texto en español de la scorecard del entrevistador. */
const esScorecard: typeof enScorecard = {
  title: "Scorecard: {{name}}",
  pageTitle: "Scorecard",
  intro: "Puntúe de 1 a 5 cada rasgo que evalúa una pregunta, con las anclas de comportamiento a la vista.",
  savedAsYouGo: "Su trabajo se guarda a medida que avanza; nadie lo ve hasta que lo envía.",
  saveToKeep:
    "Pulse Guardar para conservar su trabajo: sin JavaScript en este navegador, nada se guarda hasta que lo haga. Nadie lo ve hasta que lo envía.",
  kitLine: "{{kit}} · versión {{version}}",
  question: "Pregunta {{number}} de {{count}}",
  evaluates: "Evalúa",
  ratingFor: "{{trait}}: valoración",
  notRated: "Sin valorar",
  anchor: "{{rating}}: {{text}}",
  notes: "Notas de la pregunta {{number}}",
  strengths: "Fortalezas observadas",
  redFlags: "Señales de alerta observadas",
  evidence: "Evidencia de: {{flag}}",
  evidenceHint: "Una línea sobre lo que la persona dijo o hizo.",
  recommendation: "Recomendación general",
  save: "Guardar",
  submit: "Enviar scorecard",
  submitHint: "Una vez enviada, su scorecard queda de solo lectura y usted ve el resultado del panel.",
  savedAt: "Guardado a las {{time}}",
  saving: "Guardando…",
  notSaved: "Sin guardar — reintentando",
  notSavedInvalid: "Sin guardar: corrija los campos marcados",
  notSavedSignedOut: "Sin guardar: se cerró su sesión o ya no está en este panel. Recargue la página.",
  locked: "Esta scorecard ya se envió: es de solo lectura.",
  submittedAt: "Enviada a las {{time}}. Es de solo lectura; un reclutador puede reabrirla.",
  viewPanel: "Ver el resultado del panel",
  hasErrors_one: "No se envió: {{count}} campo necesita atención (marcado abajo).",
  hasErrors_other: "No se envió: {{count}} campos necesitan atención (marcados abajo).",
  errors: {
    intent: "Acción desconocida",
    unknownQuestion: "Esta pregunta o rasgo no está en este kit",
    unknownItem: "No está en este kit",
    rating: "Una valoración es un número entero de 1 a 5",
    notesTooLong: "Las notas tienen un máximo de 5.000 caracteres",
    evidenceTooLong: "La evidencia tiene un máximo de 1.000 caracteres",
    evidenceRequired: "Escriba una línea de evidencia para esta señal de alerta",
    recommendationRequired: "Elija una recomendación general para enviar",
    recommendationUnknown: "Elija una de las cuatro recomendaciones",
  },
};

export default esScorecard;
