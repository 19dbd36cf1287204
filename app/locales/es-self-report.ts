import type enSelfReport from "./en-self-report";

/** El cuestionario de autoinforme del reclutador y el autoinforme junto a la entrevista (issue 20). */
const esSelfReport: typeof enSelfReport = {
  link: {
    heading: "Cuestionario de autoinforme",
    intro:
      "El candidato responde las 120 frases del cuestionario IPIP-NEO-120 (de dominio público, unos 15 minutos) con un enlace privado. Es voluntario y nunca es la única base de una decisión. Un cuestionario por evaluación.",
    statusLabel: "Estado",
    status: {
      none: "Aún no enviado.",
      sent: "Enviado, sin empezar.",
      started: "Empezado: {{answered}} de {{total}} respondidas.",
      completed: "Completado el {{date}}: {{answered}} de {{total}} respondidas.",
      revoked: "Ningún enlace activo: se revocó o caducó. Las respuestas dadas se conservan; un enlace nuevo permite al candidato seguir.",
    },
    languageLabel: "Idioma",
    expiresOn: "El enlace funciona hasta el {{date}}.",
    noExpiry: "El enlace funciona hasta que se revoque.",
    lastOpened: "Abierto por última vez el {{date}}.",
    neverOpened: "Aún no abierto.",
    made: "El enlace del cuestionario está hecho. Solo se muestra esta vez: cópielo ahora.",
    mailed: "Se envió por correo a {{email}}.",
    link: "Enlace del cuestionario",
    copy: "Copiar",
    copied: "Copiado",
    language: "Idioma del cuestionario",
    languageHint: "El candidato puede cambiar de idioma en las páginas del cuestionario.",
    languageNames: { en: "English", es: "Español", zhCn: "简体中文" },
    expiresInDays: "Caduca a los (días)",
    expiresHint: "Déjelo vacío para un enlace que funcione hasta que se revoque; 365 días como máximo.",
    mailToCandidate: "Enviar el enlace por correo a {{email}}",
    send: "Hacer el enlace del cuestionario",
    sendNew: "Hacer un enlace nuevo",
    sendNewHint: "El enlace actual deja de funcionar; las respuestas dadas se conservan.",
    revoke: "Revocar el enlace",
    completedNoNew: "El cuestionario está completado: sus respuestas son definitivas y no se puede hacer un enlace nuevo.",
    confirmRevoke: {
      title: "¿Revocar el enlace del cuestionario?",
      lost: "El enlace deja de funcionar en el acto: el candidato ya no puede abrir el cuestionario con él. Las respuestas dadas se conservan y puede hacer un enlace nuevo.",
      confirm: "Revocar el enlace",
    },
    errors: {
      language: "Elija inglés, español o chino.",
      expiresInDays: "Escriba un número entero de días de 1 a 365, o déjelo vacío.",
      mailToCandidate: "El enlace solo puede enviarse a la dirección del candidato, con el correo activado.",
      completed: "El cuestionario ya está completado: no se puede hacer un enlace nuevo.",
      noLiveLink: "No hay un enlace del cuestionario activo que revocar.",
    },
  },
  compare: {
    heading: "Autoinforme junto a la entrevista",
    intro:
      "Las respuestas del propio candidato al cuestionario, puntuadas de 0 a 100, junto a las puntuaciones de la entrevista del panel. Una diferencia de {{points}} puntos o más se señala: pregunte por ella. Ninguna es la verdad: un autoinforme es más fácil de sesgar, y las entrevistas leen mal la Responsabilidad y la Estabilidad Emocional.",
    answered: "Enviado en {{language}} (el candidato puede cambiar de idioma); completado el {{date}}.",
    columns: {
      trait: "Rasgo",
      interview: "Entrevista",
      self: "Autoinforme",
      difference: "Diferencia (autoinforme − entrevista)",
      band: "Banda ideal",
    },
    evidence_one: "{{count}} valoración",
    evidence_other: "{{count}} valoraciones",
    probe: "La visión propia y la entrevista discrepan: indague",
    notMeasured: "no medido",
    notMeasuredHint: "El cuestionario no mide el Engagement Relacional.",
    notScored: "sin puntuar",
    notScoredHint: "Se omitieron demasiadas frases del rasgo (más de una de cada cinco).",
    notAssessed: "no evaluado",
    notInKit: "no está en este kit",
    fitHeading: "Encaje con el perfil ideal",
    interviewFit: "Encaje de la entrevista (puntuaciones del panel): {{fit}}, cobertura {{coverage}}",
    selfFit: "Encaje del autoinforme (respuestas del candidato): {{fit}}, cobertura {{coverage}}",
    interviewNoFit: "Encaje de la entrevista (puntuaciones del panel): ninguno, no hay ningún rasgo con banda evaluado.",
    selfNoFit: "Encaje del autoinforme (respuestas del candidato): ninguno, no hay ningún rasgo con banda puntuado.",
    noProfile: "El kit no fijó un perfil ideal: no hay encaje que comparar.",
    fitReading:
      "Ambos se calculan con la misma fórmula frente al mismo perfil ideal. La clasificación sigue usando el encaje de la entrevista. El Engagement Relacional nunca cuenta en el encaje del autoinforme, por lo que su cobertura es menor cuando el perfil lo pondera.",
    chartTitle: "Puntuaciones de la entrevista y del autoinforme frente a la banda ideal",
    chartReading:
      "El anillo sombreado es la banda ideal de cada rasgo; la línea continua es la entrevista, la discontinua el autoinforme. Una línea se corta donde un rasgo no tiene puntuación.",
    series: { interview: "Entrevista", self: "Autoinforme" },
    facetsHeading: "Las facetas del autoinforme",
    facetsIntro:
      "Cada rasgo del cuestionario tiene seis facetas de cuatro frases cada una, puntuadas de 0 a 100 del mismo modo. Las facetas de la Estabilidad Emocional se nombran por su lado estable: una puntuación alta es calma, una baja ansiedad.",
    facetColumns: { facet: "Faceta", score: "Puntuación" },
    answeredOf: "{{answered}} de {{items}} respondidas",
  },
};

export default esSelfReport;
