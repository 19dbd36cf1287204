import type enArchive from "./en-archive";

/** Textos de la interfaz de `archive.*`, en español. */
const esArchive: typeof enArchive = {
  section: "Archivar o eliminar",
  archive: "Archivar",
  restore: "Restaurar",
  delete: "Eliminar",
  bannerBy: "Archivado el {{date}} por {{name}}: oculto en las listas y selectores; lo que lo usa sigue funcionando.",
  banner: "Archivado el {{date}}: oculto en las listas y selectores; lo que lo usa sigue funcionando.",
  showArchived: "Mostrar archivados",
  badge: "Archivado",
  deleteBlocked: "No se puede eliminar mientras algo lo use:",
  deleteForGood: "Eliminar para siempre",
  deleteRefused: "Ahora está en uso, así que no se eliminó: archívelo en su lugar.",
  role: {
    intro:
      "Archive un rol creado por error o que ya no se contrata: sale de la lista de la biblioteca y de todos los selectores, y se puede restaurar. Un rol que nada usa se puede eliminar.",
    archiveTitle: "¿Archivar el rol {{name}}?",
    archiveLost:
      "Sale de la lista de la biblioteca de roles y de los selectores de kits y candidatos nuevos. Los kits, evaluaciones y rankings que lo usan siguen funcionando, y Restaurar lo devuelve.",
    confirmArchive: "Archivar el rol",
    deleteTitle: "¿Eliminar el rol {{name}} para siempre?",
    deleteLost: "Se eliminan el rol, su perfil ideal, sus preguntas, transiciones y matriz de habilidades, y no se pueden recuperar.",
    uses: {
      kits_one: "{{count}} kit de entrevista",
      kits_other: "{{count}} kits de entrevista",
      candidates_one: "{{count}} candidato que se postula a él",
      candidates_other: "{{count}} candidatos que se postulan a él",
      candidatesOrMore_other: "{{count}} o más candidatos que se postulan a él",
      results_one: "{{count}} resultado de evaluación clasificado para él",
      results_other: "{{count}} resultados de evaluación clasificados para él",
      resultsOrMore_other: "{{count}} o más resultados de evaluación clasificados para él",
      links_one: "{{count}} transición de carrera o rol similar de otro rol",
      links_other: "{{count}} transiciones de carrera o roles similares de otros roles",
      skills_one: "{{count}} expectativa de un perfil de habilidad",
      skills_other: "{{count}} expectativas de perfiles de habilidad",
    },
  },
};

export default esArchive;
