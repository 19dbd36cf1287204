import type enSuggest from "./en-suggest";

/** Spanish UI text of suggesting a change to a profile, the skill profile form and following (`suggest.*`). */
const esSuggest: typeof enSuggest = {
  proposals: "Propuestas",
  title: "Sugerir un cambio en {{name}}",
  lede: "Cambie lo que crea que está mal y explique por qué. Otros miembros pueden comentar y votar; un reclutador la acepta o la rechaza. Se guardan todas las versiones del perfil, con su propuesta enlazada en el historial.",
  updateTitle: "Actualizar su propuesta: {{title}}",
  updateLede: "Su actualización sustituye lo que cambia la propuesta; sus comentarios y votos se mantienen.",
  movedOn: "El perfil ha cambiado desde que escribió esto; su actualización se basa en la última versión",
  movedOnHow:
    "El formulario muestra la última versión con sus cambios donde aún se aplican (entonces versión {{base}}, ahora {{current}}). Revise los campos que cambió antes de actualizar.",
  submit: "Enviar propuesta",
  update: "Actualizar propuesta",
  fields: {
    legend: "Su propuesta",
    title: "Título",
    titleHint: "Qué cambia, en pocas palabras: es el nombre de su propuesta en la lista.",
    rationale: "Por qué",
    rationaleHint: "Lo que ha visto que el perfil no refleja bien. Texto sin formato; se mantienen los saltos de línea.",
  },
  errors: {
    titleRequired: "Ponga un título a su propuesta.",
    titleLong: "Como máximo 120 caracteres.",
    rationaleRequired: "Explique por qué debería cambiar el perfil.",
    rationaleLong: "Como máximo 4000 caracteres.",
    noChange: "Su propuesta aún no cambia nada",
    noChangeHow: "Edite los campos que quiera cambiar y envíela.",
    unknownRole: "No hay ningún rol con esta dirección en la biblioteca.",
    hasErrors_one: "No se ha enviado nada: hay {{count}} campo que corregir (marcado abajo).",
    hasErrors_other: "No se ha enviado nada: hay {{count}} campos que corregir (marcados abajo).",
  },
  bandsHidden:
    "Aquí no se muestran las bandas ideales: las verá cuando haya enviado sus scorecards en las evaluaciones de este rol. Su propuesta las deja como están.",
  slugKept: "Una propuesta nunca cambia la dirección del rol.",
  skillForm: {
    legend: "Expectativas",
    hint: "Una fila por rol y nivel. Para añadir una expectativa, rellena la fila vacía del final; para quitar una, vacía su fila.",
    row: "Expectativa {{number}}",
    newRow: "Nueva expectativa",
    role: "Rol",
    chooseRole: "Elija un rol",
    level: "Nivel",
    chooseLevel: "Elija un nivel",
    mandatory: "Obligatoria",
    descriptionEn: "Qué se espera (inglés)",
    descriptionEs: "Qué se espera (español)",
    descriptionZh: "Qué se espera (chino)",
  },
  editSkill: {
    title: "Editar {{name}}",
    lede: "Qué espera cada rol de esta habilidad en cada nivel. Al guardar se crea una nueva versión del perfil; las anteriores quedan en su historial.",
    save: "Guardar",
    saved: "Perfil de habilidad guardado.",
  },
  page: {
    openCount_one: "{{count}} propuesta abierta",
    openCount_other: "{{count}} propuestas abiertas",
    none: "Aún no hay propuestas para {{name}}",
    suggest: "Sugerir un cambio",
    history: "Historial",
    edit: "Editar",
    follow: "Seguir",
    unfollow: "Dejar de seguir",
    followLabel: "Seguir {{name}}",
    unfollowLabel: "Dejar de seguir {{name}}",
  },
};

export default esSuggest;
