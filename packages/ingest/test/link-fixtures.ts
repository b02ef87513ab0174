// Invented news leads for the event-clustering tests: a background that gives document frequencies a
// realistic shape (everyday news words common, names and specifics rare) and a few small happenings.

import type { ClusterDoc } from "../src/link/types.ts";

const lead = (id: string, title: string, body: string, publishedAt: string | null = null): ClusterDoc => ({
  id,
  title,
  body,
  publishedAt,
  outlet: null,
});

export const BACKGROUND: ClusterDoc[] = [
  lead(
    "bg-1",
    "Central bank holds interest rates steady",
    "The central bank left its benchmark interest rate unchanged on Thursday, saying inflation was easing but the labour market remained tight. Officials signalled that cuts were unlikely before the summer.",
  ),
  lead(
    "bg-2",
    "Storm knocks out power to thousands on the coast",
    "A powerful storm brought heavy rain and winds of up to 90 miles per hour to the coast on Sunday, leaving tens of thousands of homes without electricity and closing several highways.",
  ),
  lead(
    "bg-3",
    "City council approves new budget after long debate",
    "The city council voted 7-2 on Tuesday to approve a budget that raises spending on public transport and housing, after a debate that lasted more than six hours.",
  ),
  lead(
    "bg-4",
    "Tech company unveils new smartphone with longer battery",
    "The company presented its latest phone at an event in California on Wednesday, promising a battery that lasts two days and a camera that works better in low light.",
  ),
  lead(
    "bg-5",
    "Football club sacks manager after run of defeats",
    "The club dismissed its manager on Monday following five straight league defeats, and said an interim coach would lead the team for the rest of the season.",
  ),
  lead(
    "bg-6",
    "Japan's exports rise for third month",
    "Japanese exports grew for a third consecutive month in March, helped by strong demand for cars and machinery in Asia, the finance ministry said on Wednesday.",
  ),
  lead(
    "bg-7",
    "Russia launches weather satellite from far-eastern spaceport",
    "Russia launched a new weather satellite from the Vostochny cosmodrome on Friday, the space agency said, the third launch from the site this year.",
  ),
  lead(
    "bg-8",
    "Parliament passes law on data protection",
    "Lawmakers passed a bill on Thursday that gives citizens more control over personal data held by companies and sets fines for breaches of up to four percent of annual turnover.",
  ),
  lead(
    "bg-9",
    "Wildfire forces evacuation of mountain villages",
    "Firefighters battled a wildfire in the mountains on Saturday as authorities ordered the evacuation of five villages and warned that dry winds could spread the flames further.",
  ),
  lead(
    "bg-10",
    "Oil prices climb as producers cut output",
    "Oil prices rose more than two percent on Monday after major producers agreed to extend output cuts, and analysts said supplies would tighten in the coming months.",
  ),
  lead(
    "bg-11",
    "Teachers strike over pay",
    "Thousands of teachers walked out of classrooms on Tuesday demanding higher wages and smaller classes, closing hundreds of schools across the region.",
  ),
  lead(
    "bg-12",
    "Prime minister reshuffles cabinet",
    "The prime minister replaced the ministers of finance and defence on Friday in a reshuffle aimed at reviving the government's fortunes ahead of next year's election.",
  ),
  lead(
    "bg-13",
    "Scientists report progress on malaria vaccine",
    "Researchers said on Wednesday that an experimental malaria vaccine prevented infection in most children in a trial, raising hopes for a wider rollout within two years.",
  ),
  lead(
    "bg-14",
    "Airline cancels flights as pilots walk out",
    "The airline cancelled hundreds of flights on Thursday as pilots began a two-day strike over pensions, stranding travellers at airports across the country.",
  ),
  lead(
    "bg-15",
    "Court sentences former mayor for corruption",
    "A court on Monday sentenced the former mayor to six years in prison for taking bribes from construction companies in exchange for city contracts.",
  ),
  lead(
    "bg-16",
    "Putin meets Turkish president to discuss Syria",
    "Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Tuesday for talks on the conflict in Syria and on gas supplies.",
  ),
  lead(
    "bg-17",
    "Japanese carmaker recalls vehicles over airbags",
    "A Japanese carmaker said on Friday it would recall more than a million vehicles worldwide to replace faulty airbag inflators.",
  ),
  lead(
    "bg-18",
    "Housing prices fall for the first time in two years",
    "Average house prices fell in the last quarter for the first time in two years as higher mortgage rates cooled demand, a survey showed on Tuesday.",
  ),
  lead(
    "bg-19",
    "Earthquake shakes island, no damage reported",
    "A magnitude 5.8 earthquake struck off the island on Sunday morning, the meteorological agency said, adding there was no tsunami threat and no immediate reports of damage.",
  ),
  lead(
    "bg-20",
    "Government unveils plan to cut emissions",
    "The government presented a plan on Wednesday to cut carbon emissions in half by 2035, including subsidies for electric cars and a phase-out of coal power plants.",
  ),
];

/** Two reports of one happening, and an unrelated article. */
export const BRIDGE_COLLAPSE_A = lead(
  "bridge-a",
  "Bridge collapses over river in Genoa, dozens feared dead",
  "A motorway bridge collapsed in the Italian city of Genoa on Tuesday during a violent rainstorm, sending cars and trucks plunging onto railway tracks below. Rescuers said dozens of people were feared dead.",
  "2018-08-14",
);
export const BRIDGE_COLLAPSE_B = lead(
  "bridge-b",
  "Dozens killed as Genoa motorway bridge gives way",
  "Italian rescuers searched through concrete rubble after a section of the Morandi motorway bridge in Genoa gave way on Tuesday, killing dozens of people whose cars fell onto the tracks below.",
  "2018-08-14",
);
export const BRIDGE_COLLAPSE_LATER = lead(
  "bridge-later",
  "Motorway bridge collapses in Genoa during storm",
  "A motorway bridge in the Italian city of Genoa collapsed on Tuesday during a rainstorm, and cars fell onto the railway tracks below; rescuers feared dozens were dead.",
  "2019-03-05",
);
export const CHESS_FINAL = lead(
  "chess",
  "Norwegian grandmaster retains world chess title",
  "The Norwegian grandmaster defended his world championship on Wednesday, beating his challenger in a series of rapid tie-breaks after twelve classical games ended drawn.",
  "2018-08-14",
);
