import type enReport from "./en-report";

/** Gráficos de ajuste y el informe privado del candidato: mismas claves que en-report.ts. */
const esReport: typeof enReport = {
  charts: {
    radarTitle: "Puntajes por rasgo frente a la banda ideal",
    radarReading:
      "El anillo sombreado es la banda ideal de cada rasgo; la línea es el puntaje. {{inside}} de {{assessed}} rasgos evaluados están dentro de su banda.",
    radarReadingNoBand: "La línea es el puntaje de cada rasgo evaluado, de 0 a 100.",
    band: "Banda ideal",
    series: "Puntaje",
    notAssessed: "sin evaluar",
    bandTitle: "Cada rasgo: banda, puntaje y evidencia",
    bandReading:
      "Cada barra es la banda ideal; la marca oscura es el puntaje. La evidencia es la cantidad de valoraciones detrás de cada puntaje.",
    transitionTitle: "Ajuste a los roles a los que este puede llevar",
    transitionReading: "El ajuste publicado es la cifra del perfil del rol; su ajuste se calcula con estos puntajes.",
    transitionReadingBest: "Su mejor ajuste es {{target}} ({{fit}}); el ajuste publicado allí es {{published}}.",
    published: "Ajuste publicado %",
    yourFit: "Su ajuste %",
    basis: {
      target_profile: "frente al perfil ideal del rol destino",
      shifted_source: "frente a las bandas de este rol desplazadas por los deltas publicados",
      unavailable: "no hay perfil con qué comparar",
    },
    noTransitions: "El perfil del rol no lista transiciones de carrera.",
    areasFor: "Áreas a desarrollar para {{target}}",
    areasForRole: "Áreas a desarrollar para este rol",
    noAreas: "Ninguna: ningún rasgo evaluado está por debajo de la banda.",
    areaLine: "{{trait}}: {{score}}, la banda empieza en {{low}} (brecha {{gap}}, ponderada {{weighted}})",
    columns: {
      trait: "Rasgo",
      low: "Banda mín.",
      high: "Banda máx.",
      weight: "Peso",
      score: "Puntaje",
      evidence: "Evidencia (calificaciones)",
      target: "Rol destino",
      published: "Ajuste publicado",
      yourFit: "Su ajuste",
      coverage: "Cobertura",
      basis: "Comparado con",
    },
    none: "—",
    noAreasNotAssessed: "Nada que mostrar todavía: no se evaluó ningún rasgo con banda.",
    staff: {
      transitionReading: "El ajuste publicado es la cifra del perfil del rol; el ajuste del candidato se calcula con estos puntajes.",
      transitionReadingBest: "El mejor ajuste del candidato es {{target}} ({{fit}}); el ajuste publicado allí es {{published}}.",
      candidateFit: "Ajuste del candidato %",
      candidateFitColumn: "Ajuste del candidato",
    },
    candidate: {
      fitLine: "Cuánto se acercan sus puntajes a este rol: {{fit}} (se pudo evaluar el {{coverage}} de lo que busca el rol).",
      importance: "Importancia para el rol",
      importanceLevel: { usual: "habitual", high: "alta", veryHigh: "muy alta" },
      areaLine: "{{trait}}: su puntaje {{score}}; el rango del rol empieza en {{low}}, {{gap}} puntos más arriba",
      assessed: "Perfil evaluado",
      basis: {
        target_profile: "el perfil propio de ese rol",
        shifted_source: "el perfil de este rol, adaptado al cambio",
        unavailable: "no hay perfil con qué comparar",
      },
    },
    noFit: "sin ajuste",
    section: "Gráficos de ajuste",
    fitLine: "Ajuste a este rol: {{fit}} (cobertura {{coverage}}).",
    noFitLine: "Todavía no hay ajuste: no se evaluó ningún rasgo con banda.",
  },
  page: {
    title: "Su perfil de entrevista",
    intro:
      "Este informe muestra cómo se puntuaron sus respuestas en seis rasgos (0–100), frente al perfil que busca el rol {{role}}, y cómo se relacionan con los roles a los que puede llevar.",
    howToRead:
      "Un puntaje dentro de la banda se ajusta al ideal del rol. La banda no juzga a la persona: describe lo que el rol pide en el día a día.",
    results: "Sus resultados",
    expires: "Este enlace funciona hasta el {{date}}.",
    print: "Para guardar una copia, imprima esta página o guárdela como PDF.",
    pageTitle: "Perfil de entrevista",
    unavailableTitle: "Este enlace al informe no funciona",
    unavailableBody:
      "Puede que se haya revocado, que haya vencido o que la dirección esté incompleta. Pida un enlace nuevo a la persona de selección que se lo envió.",
  },
  recruiter: {
    heading: "Informe para el candidato",
    intro:
      "Publique un enlace privado para el candidato: sus puntajes frente a la banda, el gráfico de transiciones y las áreas a desarrollar. No se muestra ningún entrevistador, nota, señal de alerta, recomendación ni decisión.",
    language: "Idioma del informe",
    expiresInDays: "Vence a los (días, opcional)",
    expiresHint: "Déjelo vacío para un enlace sin vencimiento. Puede revocarlo en cualquier momento.",
    publish: "Publicar informe",
    published: "Informe publicado: enlace {{shortId}}, versión {{version}}. Copie el enlace ahora: se muestra una sola vez.",
    publishNew: "Publicar una versión nueva",
    outOfDate:
      "El informe publicado está desactualizado: los puntajes del panel cambiaron desde que se publicó la versión {{version}}, y el candidato sigue viendo la versión {{version}}. Publique una versión nueva para actualizarlo.",
    link: "Enlace del informe",
    links: "Enlaces publicados",
    noLinks: "Todavía no se publicó ningún informe.",
    linkPages: {
      label: "Páginas de los enlaces publicados",
      shown: "{{total}} enlaces; se muestran del {{from}} al {{to}}, del más reciente al más antiguo",
      newer: "Enlaces más recientes",
      older: "Enlaces anteriores",
      pageOf: "Página {{page}} de {{pages}}",
      pageEmpty: "No hay ningún enlace en esta página.",
      firstPage: "Ir a los enlaces más recientes",
    },
    status: { live: "activo", expired: "vencido", revoked: "revocado" },
    linkName: "Enlace {{shortId}}",
    linkLine: "{{language}} · creado {{created}} por {{name}} · {{status}}",
    version: "versión {{version}}",
    neverOpened: "todavía no se abrió",
    opened_one: "abierto una vez, la última {{date}}",
    opened_other: "abierto {{count}} veces, la última {{date}}",
    expiresOn: "vence {{date}}",
    revoke: "Revocar",
    revokeLabel: "Revocar el enlace del informe {{shortId}}, creado {{created}}",
    earlier: {
      legend_one: "El enlace activo publicado antes",
      legend_other: "Los {{count}} enlaces activos publicados antes",
      keep: "Mantenerlo: muestra la versión nueva",
      revoke: "Revocarlo: solo funciona el enlace nuevo",
    },
    errors: {
      expiresInDays: "Escriba un número entero de días entre 1 y 365, o déjelo vacío.",
      language: "Elija inglés o español.",
      earlier: "Elija si los enlaces anteriores siguen funcionando o se revocan.",
      noScores:
        "Todavía no se envió ninguna scorecard, así que el informe no mostraría ningún puntaje. Podrá publicarse cuando un entrevistador envíe la suya.",
    },
  },
};

export default esReport;
