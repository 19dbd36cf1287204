import type enPrivacy from "./en-privacy";

/** Textos de la exportación y el borrado de los datos de un candidato (`privacy.*`), en español. */
const esPrivacy: typeof enPrivacy = {
  title: "Datos personales",
  intro: "Descargue todo lo que Traitkit guarda sobre este candidato, o bórrelo cuando el candidato lo pida.",
  export: "Exportar datos (JSON)",
  erase: {
    title: "Borrar candidato",
    warning:
      "El borrado elimina para siempre los datos del candidato, sus evaluaciones, scorecards, puntuaciones, notas, decisiones y enlaces de informe. El registro de auditoría solo conserva que hubo un borrado.",
    button: "Borrar candidato",
    confirmTitle: "¿Borrar a {{name}} para siempre?",
    confirmButton: "Borrar para siempre",
  },
};

export default esPrivacy;
