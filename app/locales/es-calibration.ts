import type enCalibration from "./en-calibration";

/** Spanish UI text of interviewer calibration (`calibration.*`). */
const esCalibration: typeof enCalibration = {
  title: "Calibración",
  introRecruiter:
    "Los hábitos de cada entrevistador junto a los del equipo, y con qué fiabilidad coinciden los paneles en cada rasgo, según las scorecards enviadas en el periodo.",
  introInterviewer:
    "Sus hábitos junto a los del equipo, y con qué fiabilidad coinciden los paneles en cada rasgo, según las scorecards enviadas en el periodo. Las filas de los demás entrevistadores solo las ven ellos y los reclutadores.",
  filters: {
    label: "Elija el periodo y el rol",
    from: "Desde",
    to: "Hasta",
    role: "Rol",
    anyRole: "Todos los roles",
    apply: "Mostrar",
    download: "Descargar CSV",
    period: "Scorecards enviadas del {{from}} al {{to}} (días UTC, ambos incluidos), {{role}}: {{count}} evaluaciones.",
  },
  problems: {
    dateInvalid: "Escriba una fecha como año-mes-día, por ejemplo 2026-01-31.",
    fromAfterTo: "El final es anterior al inicio: elija un final igual o posterior al inicio.",
    roleUnknown: "Ningún rol evaluado tiene esta dirección: elija un rol de la lista.",
    title: "No se puede leer el periodo o el rol",
    body: "Corrija lo marcado abajo: no se muestra nada para un periodo o un rol que no se pidió.",
  },
  interviewers: {
    title: "Entrevistadores",
    caption: "Los hábitos de cada entrevistador y los del equipo",
    empty: "No se envió ninguna scorecard en este periodo.",
    columns: {
      name: "Entrevistador",
      scorecards: "Scorecards",
      adherence: "Cobertura del kit",
      leniency: "Indulgencia",
      outliers: "Veces como valor atípico",
      days: "Mediana de días hasta enviar",
    },
    team: "Equipo (todos)",
    teamHidden:
      "Las cifras del equipo se muestran a los entrevistadores cuando {{count}} o más entrevistadores enviaron scorecards en el período: con menos, dejarían ver las de un colega.",
    leniencyN: "{{value}} (n = {{n}})",
    none: "—",
    openScorecards: "Abrir las evaluaciones de {{name}}",
  },
  distributions: {
    title: "Valoraciones y recomendaciones dadas",
    ratingsTitle: "Valoraciones dadas, de 1 a 5",
    ratingsReading:
      "Cada barra son las valoraciones de un entrevistador, divididas por el valor dado: una barra cargada a la derecha valora más alto.",
    ratingsCaption: "Cuántas valoraciones de cada valor dio cada entrevistador",
    recommendationsTitle: "Recomendaciones hechas",
    recommendationsReading: "Cada barra son las scorecards de un entrevistador, divididas por su recomendación.",
    recommendationsCaption: "Cuántas recomendaciones de cada tipo hizo cada entrevistador",
    rating: "Valoración {{value}}",
    total: "Total",
    recommendation: { strong_no: "No rotundo", no: "No", yes: "Sí", strong_yes: "Sí rotundo" },
    none: "Sin valoraciones",
  },
  reliability: {
    title: "Con qué fiabilidad coinciden los paneles, por rasgo",
    caption: "Acuerdo entre entrevistadores en cada rasgo (correlación intraclase de un factor)",
    columns: {
      trait: "Rasgo",
      assessments: "Evaluaciones",
      k0: "Tamaño del panel k₀",
      single: "ICC(1): un entrevistador",
      average: "ICC(1,k): la media del panel",
      reading: "En palabras",
    },
    interval: "(intervalo del 95 %: {{lower}} a {{upper}})",
    bands: {
      poor: "Dos entrevistadores que puntúan {{trait}} coinciden poco",
      moderate: "Dos entrevistadores que puntúan {{trait}} coinciden moderadamente",
      good: "Dos entrevistadores que puntúan {{trait}} coinciden bien",
      excellent: "Dos entrevistadores que puntúan {{trait}} coinciden de forma excelente",
    },
    notEnough: "Aún no hay datos suficientes ({{count}} de {{needed}} evaluaciones con dos o más valoraciones)",
    noVariation: "Todas las lecturas de este rasgo fueron iguales en sus {{count}} evaluaciones: no permiten medir el acuerdo",
  },
  explain: {
    title: "Cómo leer estas cifras",
    scorecards: "Scorecards: las scorecards que el entrevistador envió en el periodo.",
    adherence: "Cobertura del kit: la parte de las celdas de pregunta y rasgo del kit que el entrevistador valoró.",
    leniency:
      "Indulgencia: en cada evaluación con dos o más entrevistadores que enviaron, la valoración media del entrevistador menos la media de las medias de los demás, promediada sobre esas evaluaciones (n). En puntos de valoración: +0,50 es medio punto por encima del resto del panel; cerca de 0 está en línea.",
    outliers:
      "Veces como valor atípico: en un rasgo marcado para calibrar (medias separadas 2 puntos o más), cuántas veces la media del entrevistador fue la más lejana de las de los demás. Los paneles de dos personas no tienen valor atípico.",
    days: "Mediana de días hasta enviar: desde que se le añadió al panel hasta que envió, en días de 24 horas. Los periodos son días completos en UTC.",
    single:
      "ICC(1) indica cuánto coincide la lectura de un rasgo de un entrevistador con la de otro, de 0 (no mejor que el azar) a 1 (la misma). ICC(1,k) indica cuán fiable es la media de un panel de k₀ entrevistadores: es más alta, porque un panel compensa el sesgo de cada persona. k₀ es el tamaño típico del panel en las evaluaciones contadas.",
    bands:
      "Las palabras siguen a Koo y Li (2016) para ICC(1): menos de 0,5 pobre, de 0,5 a 0,75 moderado, de 0,75 a 0,9 bueno, más de 0,9 excelente. El intervalo es donde está el valor real con un 95 % de confianza: uno ancho pide más evaluaciones. No se muestra ninguna cifra con menos de {{needed}} evaluaciones con dos o más valoraciones del rasgo.",
  },
};

export default esCalibration;
