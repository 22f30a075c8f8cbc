import type { JSONContent } from '@tiptap/core';

export type DelegationCode = 'al' | 'ba' | 'hr' | 'cs' | 'mk';
export type ModuleCode = 'migration' | 'asylum' | 'visa';

/*
 * The opening outlines of the fifteen national strategies, as a delegation would have
 * drafted them in 2005–2006. Facts shared by a country's three outlines (laws, institutions)
 * are named once per country; facts shared by a module's five outlines (the EU instruments,
 * the lead partner) once per module. Figures are rounded estimates on purpose: these are
 * working drafts, not statistical sources.
 */

/** Inline text with `**bold**` and `_italic_` spans; never yields an empty text node. */
function inline(source: string): JSONContent[] {
	return source
		.split(/(\*\*[^*]+\*\*|_[^_]+_)/)
		.filter((part) => part.length > 0)
		.map((part): JSONContent => {
			if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
				return { type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] };
			}
			if (part.startsWith('_') && part.endsWith('_') && part.length > 2) {
				return { type: 'text', text: part.slice(1, -1), marks: [{ type: 'italic' }] };
			}
			return { type: 'text', text: part };
		});
}

function h(level: 1 | 2 | 3, text: string): JSONContent {
	return { type: 'heading', attrs: { level }, content: inline(text) };
}

function p(text: string): JSONContent {
	return { type: 'paragraph', content: inline(text) };
}

function li(text: string): JSONContent {
	return { type: 'listItem', content: [p(text)] };
}

function ul(items: readonly string[]): JSONContent {
	return { type: 'bulletList', content: items.map(li) };
}

function ol(items: readonly string[]): JSONContent {
	return { type: 'orderedList', attrs: { start: 1 }, content: items.map(li) };
}

function cell(type: 'tableHeader' | 'tableCell', text: string): JSONContent {
	return { type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(text)] };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): JSONContent {
	return {
		type: 'table',
		content: [
			{ type: 'tableRow', content: header.map((text) => cell('tableHeader', text)) },
			...rows.map((row): JSONContent => ({ type: 'tableRow', content: row.map((text) => cell('tableCell', text)) }))
		]
	};
}

type Measure = readonly [measure: string, responsible: string, deadline: string, budget: string, indicator: string];

const ACTION_PLAN_HEADER = ['Measure', 'Responsible institution', 'Deadline', 'Budget source', 'Indicator'] as const;

interface Outline {
	/** First paragraph of the introduction: why the module matters for this country. */
	context: string;
	legal: string;
	laws: string[];
	institutions: string;
	bodies?: string[];
	statistics: string;
	/** This country's reading of the EU benchmarks, following the module's general paragraph. */
	benchmarks: string;
	/** Instrument numbers to print in bold: this country's priorities, two at most. */
	priorities: string[];
	objectives: string[];
	plan: string;
	measures: Measure[];
	monitoring: string;
}

interface Country {
	name: string;
	drafting: string;
	reporting: string;
	outlines: Record<ModuleCode, Outline>;
}

interface Module {
	title: string;
	programme: string;
	standards: string;
	instruments: string[];
	reporting: string;
}

const PROGRAMME_TITLE =
	'_Establishment of EU compatible legal, regulatory and institutional frameworks in the fields of asylum, migration and visa matters_';

const MODULES: Record<ModuleCode, Module> = {
	migration: {
		title: 'Migration',
		programme: `This outline was prepared under the CARDS regional programme 2002/2003, ${PROGRAMME_TITLE}, whose migration component is led by IOM.`,
		standards: 'The migration acquis combines rules on admitting third-country nationals with instruments against irregular migration and trafficking.',
		instruments: [
			'Council Directive 2003/86/EC on family reunification',
			'Council Directive 2003/109/EC on long-term residents',
			'Council Directive 2004/114/EC on the admission of students',
			'Council Directive 2005/71/EC on the admission of researchers',
			'Council Directive 2002/90/EC and Framework Decision 2002/946/JHA on facilitation of illegal entry and residence',
			'Council Framework Decision 2002/629/JHA on combating trafficking in human beings',
			'Council Directive 2004/81/EC on residence permits for victims of trafficking',
			'Community readmission agreements'
		],
		reporting: 'IOM will review progress at each regional steering meeting.'
	},
	asylum: {
		title: 'Asylum',
		programme: `This outline was drafted under the CARDS regional programme 2002/2003, ${PROGRAMME_TITLE}, with UNHCR as lead partner for asylum.`,
		standards: 'The first phase of the Common European Asylum System, completed in December 2005, sets the minimum standards for national law and practice.',
		instruments: [
			'Council Regulation (EC) No 343/2003 (Dublin II)',
			'Council Regulation (EC) No 2725/2000 establishing Eurodac',
			'Council Directive 2001/55/EC on temporary protection',
			'Council Directive 2003/9/EC on reception conditions',
			'Council Directive 2004/83/EC on qualification for refugee status and subsidiary protection',
			'Council Directive 2005/85/EC on asylum procedures'
		],
		reporting: 'UNHCR will comment on each report.'
	},
	visa: {
		title: 'Visa',
		programme: `This outline follows the method of the CARDS regional programme 2002/2003, ${PROGRAMME_TITLE}, whose visa component is led by ICMPD.`,
		standards: 'Alignment concerns the visa list and the document and procedural standards on which the Schengen States’ confidence depends.',
		instruments: [
			'Council Regulation (EC) No 539/2001 (visa lists)',
			'Council Regulation (EC) No 1683/95 (uniform format for visas)',
			'Council Regulation (EC) No 333/2002 (forms for affixing the visa)',
			'the Common Consular Instructions',
			'Council Directive 2001/51/EC on carriers’ liability',
			'Council Regulation (EC) No 2252/2004 on biometrics in passports',
			'Regulation (EC) No 562/2006 (Schengen Borders Code)',
			'Council Decision 2004/512/EC establishing the VIS'
		],
		reporting: 'ICMPD will combine the five national reports into a regional overview.'
	}
};

const AL = {
	asylumLaw: 'Law No. 8432 of 14 December 1998 on Asylum in the Republic of Albania',
	foreignersLaw: 'Law No. 8492 of 27 May 1999 on Foreigners',
	emigrationLaw: 'Law No. 9034 of 20 March 2003 on the Emigration of Albanian Citizens for Employment Purposes',
	readmission: 'Agreement between the European Community and the Republic of Albania on readmission, signed on 14 April 2005',
	interior: 'Ministry of the Interior',
	police: 'State Police, Border and Migration Department',
	labour: 'Ministry of Labour, Social Affairs and Equal Opportunities',
	foreign: 'Ministry of Foreign Affairs',
	refugees: 'Office for Refugees'
} as const;

const ALBANIA: Country = {
	name: 'Albania',
	drafting: 'The working group is chaired by the Ministry of the Interior, successor since September 2005 to the Ministry of Public Order.',
	reporting: 'Results feed into SAA reporting through the ministry responsible for European integration.',
	outlines: {
		migration: {
			context:
				'Albania is above all a country of emigration. Since 1990 a large part of the working-age population has left, mostly for Greece and Italy, and the country has been a transit route across the Adriatic. Managing emigration and return matters as much as controlling irregular entry.',
			legal:
				'Emigration and the entry and stay of foreigners are regulated by separate laws adopted between 1999 and 2003. Implementing rules remain incomplete, particularly on work permits for foreigners and on the return of Albanian nationals.',
			laws: [
				AL.foreignersLaw,
				AL.emigrationLaw,
				'the 2001 amendments to the Criminal Code criminalising trafficking in human beings',
				AL.readmission
			],
			institutions: 'No single body yet coordinates migration policy:',
			bodies: [
				`${AL.interior}, through the ${AL.police}: borders, foreigners and irregular migration`,
				`${AL.labour}: labour emigration, work permits and reintegration of returnees`,
				`${AL.foreign}: consular protection of emigrants and readmission contacts`
			],
			statistics:
				'Reliable data are scarce. Between 800,000 and 1,000,000 Albanians are thought to live abroad, and remittances are estimated at around USD 1 billion a year (2004 estimate). Interceptions on the Adriatic have fallen sharply since 2002; several thousand Albanians are returned each year, mainly from Greece and Italy (provisional).',
			benchmarks:
				'For Albania the immediate benchmark is the Community readmission agreement; the legal migration directives will guide the revision of the Law on Foreigners.',
			priorities: ['2002/90/EC', '2004/81/EC'],
			objectives: [
				'Implement the readmission agreement with the European Community, including the procedures for third-country nationals.',
				'Revise the Law on Foreigners to align admission, residence and work permits with the Community directives.',
				'Strengthen the capacity of the Border and Migration Department to prevent irregular migration and smuggling.',
				'Offer reintegration services to returning Albanian migrants.'
			],
			plan: 'The measures cover 2006. Lines marked CARDS depend on the final allocation under the national programme.',
			measures: [
				['Negotiate implementing protocols to the readmission agreement', `${AL.interior} / ${AL.foreign}`, 'Q2 2006', 'State budget', 'Protocols agreed with priority Member States'],
				['Draft amendments to the Law on Foreigners', AL.interior, 'Q4 2006', 'State budget / IOM', 'Draft submitted to the Council of Ministers'],
				['Open migration counters in regional employment offices', AL.labour, 'Q3 2006', 'CARDS 2004 / IOM', 'Counters operating in four regions'],
				['Train border police in document fraud and smuggling cases', AL.police, 'Q3 2006', 'CARDS 2004', 'Officers trained; cases referred to prosecutors'],
				['Set up a shared database on migration flows and returns', `${AL.interior} / INSTAT`, 'Q4 2006', 'CARDS 2005', 'Database used by three institutions']
			],
			monitoring:
				'The working group will report every six months to the Council of Ministers. A first review will follow the entry into force of the readmission agreement, to check that return procedures work as intended.'
		},
		asylum: {
			context:
				'Albania sheltered some 450,000 refugees from Kosovo in 1999 and has since handled a small, mixed caseload, much of it intercepted on the way to Italy. The 1998 law provides a basis for refugee status, but procedures, reception and integration need consolidating before they can meet EU minimum standards.',
			legal:
				'The Constitution of 1998 guarantees the right of asylum, and Albania acceded to the 1951 Refugee Convention and its 1967 Protocol in 1992. The asylum law predates the EU directives: it provides for temporary protection on humanitarian grounds but not for subsidiary protection as now defined, nor for accelerated procedures.',
			laws: [
				'the Constitution of the Republic of Albania (1998), guaranteeing the right of asylum',
				AL.asylumLaw,
				`${AL.foreignersLaw}, on entry and removal`,
				'the 1951 Refugee Convention and its 1967 Protocol'
			],
			institutions: `The ${AL.refugees} decides at first instance and the National Commission for Refugees hears appeals. The Border and Migration Department receives applications lodged at the border and refers them to the Office. Applicants are accommodated at the National Reception Centre for Asylum Seekers at Babrru, near Tirana, with UNHCR support.`,
			statistics:
				'Fewer than 100 applications were lodged in 2004 (provisional), most by nationals of Asian and African countries intercepted in transit. Only a few dozen persons hold refugee status (estimate). Screening at the ports of Durrës and Vlorë and at Rinas airport is uneven, so the number of persons in need of protection may be higher.',
			benchmarks:
				'Albania’s priorities are the Qualification and Procedures Directives, which require a new asylum law; Dublin II and Eurodac belong to a later stage.',
			priorities: ['2004/83/EC', '2005/85/EC'],
			objectives: [
				'Prepare a new asylum law introducing subsidiary protection and the guarantees of the Procedures Directive.',
				'Ensure access to the procedure at every border crossing point through pre-screening and referral.',
				'Bring reception conditions at Babrru into line with Directive 2003/9/EC.',
				'Develop a local integration programme for recognised refugees.'
			],
			plan: 'Most measures depend on the new law; training and reception measures can start before it is adopted.',
			measures: [
				['Draft a new Law on Asylum', `${AL.refugees} / ${AL.interior}`, 'Q4 2006', 'State budget / UNHCR', 'Draft approved by the Council of Ministers'],
				['Introduce pre-screening at Durrës, Vlorë and Rinas', AL.police, 'Q2 2006', 'CARDS 2004 / UNHCR', 'Referral forms used at three crossing points'],
				['Refurbish the Babrru centre and adopt house rules', AL.refugees, 'Q3 2006', 'CARDS 2005', 'Standards verified by UNHCR'],
				['Train caseworkers in interviewing and country-of-origin information', AL.refugees, 'Q1 2006', 'UNHCR', 'All caseworkers trained'],
				['Adopt an integration plan for recognised refugees', AL.labour, 'Q4 2006', 'State budget', 'Plan adopted; first beneficiaries enrolled']
			],
			monitoring:
				'The Office for Refugees will report quarterly on applications, decisions and appeals by nationality. These figures are the baseline against which progress towards the Procedures Directive will be measured.'
		},
		visa: {
			context:
				'Albanian citizens need a visa for the Schengen area, and the security of Albanian travel documents is a recurring concern of Member States’ consulates. Albania’s own visa regime, including the issuing of visas at the border, differs considerably from Schengen practice. Both issues must be addressed before visa facilitation can be discussed.',
			legal:
				'Visas for foreigners are governed by the Law on Foreigners and by decisions of the Council of Ministers listing the countries whose nationals require a visa. Travel documents of Albanian citizens are regulated separately.',
			laws: [AL.foreignersLaw, 'decisions of the Council of Ministers on the visa regime', AL.readmission],
			institutions: `Visas are issued by missions of the ${AL.foreign} and, in many cases, at border crossing points by the Border and Migration Department. No central register links the two, and consular posts have few means of verifying documents. Border crossing points are being equipped with the TIMS border information system with US assistance.`,
			statistics:
				'Albania operates about two dozen international crossing points, including Rinas airport and the ports of Durrës and Vlorë (estimate). Visas issued at the border are not recorded centrally, and establishing reliable visa statistics is itself an objective of this strategy.',
			benchmarks: 'The short-term priorities are passport security and the alignment of the visa list; the VIS and the Schengen Borders Code set the direction for later investment.',
			priorities: ['539/2001', '2252/2004'],
			objectives: [
				'Align the national visa list progressively with Regulation 539/2001.',
				'Limit visas issued at the border to exceptional cases, as the Common Consular Instructions require.',
				'Introduce a central visa register linking missions and border crossing points.',
				'Improve the security of Albanian passports in preparation for biometric documents.'
			],
			plan: 'The measures are those that can be funded in 2006; investment in biometric passports will be planned separately.',
			measures: [
				['Amend the Council of Ministers decision on the visa regime', `${AL.foreign} / ${AL.interior}`, 'Q2 2006', 'State budget', 'Differences with Regulation 539/2001 listed and reduced'],
				['Install visa software and secure lines at ten priority missions', AL.foreign, 'Q4 2006', 'CARDS 2005', 'Software in use at ten missions'],
				['Link the visa register to TIMS at the main crossing points', AL.police, 'Q4 2006', 'CARDS 2005 / ICMPD', 'Visa checks possible at five crossings'],
				['Train consular staff in document examination', AL.foreign, 'Q3 2006', 'ICMPD (CARDS regional)', 'Staff of all missions trained'],
				['Prepare a feasibility study for biometric passports', AL.interior, 'Q4 2006', 'State budget', 'Study approved']
			],
			monitoring:
				'The Ministry of Foreign Affairs will report twice a year on visas issued at missions and at the border, so that the share of border visas can be tracked.'
		}
	}
};

const BA = {
	aliensLaw: 'Law on Movement and Stay of Aliens and Asylum (Official Gazette of BiH No. 29/03)',
	borderLaw: 'Law on the State Border Service (2000, as amended)',
	criminalCode: 'Criminal Code of Bosnia and Herzegovina (2003), criminalising trafficking in persons and smuggling of persons',
	security: 'Ministry of Security',
	sbs: 'State Border Service',
	mhrr: 'Ministry for Human Rights and Refugees',
	civil: 'Ministry of Civil Affairs',
	foreign: 'Ministry of Foreign Affairs'
} as const;

const BOSNIA: Country = {
	name: 'Bosnia and Herzegovina',
	drafting: 'The Ministry of Security coordinates; the entity ministries of the interior and Brčko District are consulted.',
	reporting: 'Reports go to the Council of Ministers and, through the Directorate for European Integration, into the SAA negotiations.',
	outlines: {
		migration: {
			context:
				'Bosnia and Herzegovina is a country of origin, of transit and, increasingly, of destination. With refugee return largely completed in formal terms, irregular transit towards the EU and trafficking in human beings are now the main concerns of the State institutions created since 2000.',
			legal:
				'The 2003 Law on Movement and Stay of Aliens and Asylum placed aliens and asylum under State competence. Its implementation depends on by-laws and on coordination with the entity police forces, which still carry out many field tasks.',
			laws: [BA.aliensLaw, BA.borderLaw, BA.criminalCode, 'Law on Refugees from BiH and Displaced Persons in BiH'],
			institutions: 'The Ministry of Security leads, but depends on other State bodies and on the entities:',
			bodies: [
				`${BA.security}: immigration and asylum policy; State Coordinator for combating trafficking and illegal immigration`,
				`${BA.sbs}: border control`,
				`${BA.mhrr}: refugee return and the diaspora`,
				'entity police and Brčko District police: registration of foreigners'
			],
			statistics:
				'More than one million refugees and displaced persons have returned since 1996 (UNHCR estimate). The State Border Service detects a few thousand attempted irregular crossings a year (2004, provisional). The number of foreigners holding residence permits is not yet recorded centrally.',
			benchmarks:
				'The instruments on irregular migration and trafficking are the most urgent; readmission with the Community will follow as the SAA negotiations advance.',
			priorities: ['2002/946/JHA', '2002/629/JHA'],
			objectives: [
				'Complete the by-laws to the 2003 law and apply them uniformly throughout the country.',
				'Establish a central register of aliens accessible to the State Border Service and the police.',
				'Reduce irregular transit across the green borders with Croatia and Serbia and Montenegro.',
				'Improve identification and protection of victims of trafficking, including temporary residence permits.'
			],
			plan: 'Each measure has a single lead institution, to avoid the overlaps between State and entity bodies identified during drafting.',
			measures: [
				['Adopt outstanding by-laws on residence, supervision and removal of aliens', BA.security, 'Q1 2006', 'State budget', 'By-laws published in the Official Gazette'],
				['Establish the Service for Foreigners’ Affairs', BA.security, 'Q3 2006', 'State budget / CARDS 2004', 'Field offices staffed in all regions'],
				['Set up a central register of aliens', `${BA.security} / ${BA.civil}`, 'Q4 2006', 'CARDS 2005', 'Register used at all major crossing points'],
				['Open an immigration centre for irregular migrants awaiting removal', BA.security, 'Q4 2006', 'CARDS 2005 / State budget', 'Centre meets CPT standards'],
				['Train border officers in identifying victims of trafficking', `${BA.sbs} / IOM`, 'Q2 2006', 'State budget / IOM', 'Referrals recorded each quarter']
			],
			monitoring:
				'The State Coordinator will collect data from State and entity institutions every quarter. Divergent practice between the entities will be reported explicitly, so that the Council of Ministers can address it.'
		},
		asylum: {
			context:
				'Until 2004 refugee status in Bosnia and Herzegovina was determined by UNHCR. The Ministry of Security now handles new applications and the cases of persons from Kosovo who were under temporary protection. Building a national asylum system while the country still deals with its own displacement is the central challenge of this strategy.',
			legal:
				'The asylum chapter of the 2003 law, supplemented by the Book of Rules on Asylum of 2004, follows the Refugee Convention and allows residence on humanitarian grounds. It does not yet reflect the 2004 and 2005 directives.',
			laws: [
				BA.aliensLaw,
				'Book of Rules on Asylum (2004)',
				'Law on Administrative Procedure of BiH (2002)',
				'the 1951 Refugee Convention and its 1967 Protocol, by succession'
			],
			institutions:
				'The Asylum Sector of the Ministry of Security decides at first instance; decisions can be challenged on appeal and, ultimately, before the Court of Bosnia and Herzegovina. The Ministry for Human Rights and Refugees shares responsibility for recognised refugees, and UNHCR monitors procedures and funds legal aid.',
			statistics:
				'Several hundred cases were pending at the end of 2004, most concerning persons from Kosovo (provisional). New applications from other countries number a few dozen a year. Recognition rates will be published once a case management database is in place.',
			benchmarks:
				'Bosnia and Herzegovina will concentrate first on the Qualification, Procedures and Reception Conditions Directives; Dublin II and Eurodac belong to a later phase.',
			priorities: ['2003/9/EC', '2004/83/EC'],
			objectives: [
				'Conclude the pending Kosovo caseload with individual decisions and durable solutions.',
				'Amend the asylum provisions of the 2003 law in line with the Qualification and Procedures Directives.',
				'Provide reception capacity that meets Directive 2003/9/EC, including for vulnerable applicants.',
				'Set up a case management database and a country-of-origin information unit.'
			],
			plan: 'UNHCR will support the Ministry of Security on the measures that concern procedures and reception.',
			measures: [
				['Decide all pending Kosovo cases', `${BA.security}, Asylum Sector`, 'Q2 2006', 'State budget / UNHCR', 'Pending caseload reduced by three quarters'],
				['Prepare amendments to the asylum chapter of the 2003 law', BA.security, 'Q4 2006', 'State budget', 'Draft sent to the Council of Ministers'],
				['Open a State reception centre for asylum seekers', `${BA.security} / ${BA.mhrr}`, 'Q4 2006', 'CARDS 2004', 'Centre operating with about 150 places'],
				['Install an asylum case management database', BA.security, 'Q2 2006', 'CARDS 2004 / UNHCR', 'All new cases registered electronically'],
				['Train judges of the Court of BiH in refugee law', 'Court of Bosnia and Herzegovina / UNHCR', 'Q4 2006', 'UNHCR', 'Number of judges trained']
			],
			monitoring:
				'The Asylum Sector will report quarterly on applications, decisions, appeals and the pending caseload. UNHCR will assess the quality of decisions in a separate annual note.'
		},
		visa: {
			context:
				'Visa policy in Bosnia and Herzegovina is set at State level, but the consular network is small and the security of identity documents has only recently improved with the CIPS citizens’ identification system. Nationals of Bosnia and Herzegovina need visas for the Schengen area, and the credibility of national procedures is a precondition for any facilitation.',
			legal:
				'The visa regime rests on the 2003 Law on Movement and Stay of Aliens and Asylum and on Council of Ministers decisions. Passports are issued under the Law on Travel Documents of Bosnia and Herzegovina.',
			laws: [BA.aliensLaw, 'Council of Ministers decision on the visa regime', 'Law on Travel Documents of Bosnia and Herzegovina', BA.borderLaw],
			institutions: `The ${BA.foreign} issues visas through its missions, the ${BA.security} sets policy and gives prior consent in sensitive cases, and the ${BA.sbs} issues visas at the border only exceptionally. The ${BA.civil} is responsible for passports and identity documents, including CIPS.`,
			statistics:
				'Bosnia and Herzegovina has some 40 diplomatic and consular missions, only some of them able to issue visas electronically, and about 80 border crossing points, many on the long border with Croatia (estimates).',
			benchmarks: 'The VIS and the Schengen Borders Code should shape the technical choices made now, so that systems procured with CARDS funds remain compatible.',
			priorities: ['539/2001', '1683/95'],
			objectives: [
				'Align the visa list with Regulation 539/2001 and review it every year.',
				'Equip all missions with a networked visa system linked to the Ministry of Security.',
				'Bring visa stickers, forms and procedures into line with Regulations 1683/95 and 333/2002.',
				'Introduce carrier sanctions consistent with Directive 2001/51/EC.'
			],
			plan: 'The measures draw on the needs assessment of the consular network carried out with ICMPD in 2005.',
			measures: [
				['Review the decision on the visa regime', `${BA.security} / ${BA.foreign}`, 'Q1 2006', 'State budget', 'Revised decision adopted'],
				['Introduce a visa sticker with Schengen-level security features', BA.foreign, 'Q3 2006', 'CARDS 2004', 'New sticker in use at all missions'],
				['Connect missions to a central visa database', `${BA.foreign} / ${BA.security}`, 'Q4 2006', 'CARDS 2005', 'Twenty missions connected'],
				['Draft provisions on carriers’ liability', `${BA.security} / Ministry of Communications and Transport`, 'Q4 2006', 'State budget', 'Provisions included in amendments to the aliens law'],
				['Train consular and border staff in document examination', `${BA.foreign} / ${BA.sbs}`, 'Q2 2006', 'ICMPD (CARDS regional)', 'At least 80 officers trained']
			],
			monitoring:
				'The Ministry of Foreign Affairs will report twice a year on visas issued and refused by mission. An annual review with the Ministry of Security will decide on changes to the visa list.'
		}
	}
};

const HR = {
	asylumAct: 'Asylum Act (Official Gazette 103/03), in force since 1 July 2004',
	aliensAct: 'Aliens Act (Official Gazette 109/03), in force since 1 January 2004',
	borderAct: 'State Border Surveillance Act',
	interior: 'Ministry of the Interior',
	border: 'Border Police Directorate',
	foreign: 'Ministry of Foreign Affairs and European Integration',
	economy: 'Ministry of Economy, Labour and Entrepreneurship'
} as const;

const CROATIA: Country = {
	name: 'Croatia',
	drafting: 'The Ministry of the Interior leads the drafting, keeping it consistent with the negotiating position on chapter 24, Justice, freedom and security.',
	reporting: 'Progress will be recorded in the National Programme for the Integration of the Republic of Croatia into the EU.',
	outlines: {
		migration: {
			context:
				'Croatia’s migration profile has changed since the late 1990s. Emigration has slowed, the return of refugees continues, and the country has become a transit route for irregular migrants heading for Slovenia and Italy. With accession negotiations under way, the migration acquis must be transposed in full and the capacity to apply it built before accession.',
			legal:
				'The Aliens Act of 2003 brought entry, residence and work of foreigners considerably closer to EU standards. Gaps remain on family reunification, long-term resident status and admission of students and researchers.',
			laws: [
				HR.aliensAct,
				HR.borderAct,
				'Criminal Code provisions on trafficking in human beings and illegal transfer of persons across the State border',
				'bilateral readmission agreements with neighbouring countries and several Member States'
			],
			institutions: `The ${HR.interior} is responsible for the status of aliens and, through its ${HR.border}, for border control. Work permits are issued within an annual quota set by the Government, with the Croatian Employment Service assessing labour market needs. The Government Office for Human Rights coordinates the National Committee for the Suppression of Trafficking in Persons.`,
			statistics:
				'The Border Police detected roughly 5,000 persons crossing or attempting to cross the border irregularly in 2004 (provisional), most on the borders with Bosnia and Herzegovina and Serbia and Montenegro. The annual work permit quota is a few thousand, mainly for tourism and construction. Over 120,000 refugees have returned since 1995 (estimate).',
			benchmarks: 'As a candidate country Croatia must transpose all of these instruments by accession; the screening of chapter 24 will test each one.',
			priorities: ['2003/86/EC', '2003/109/EC'],
			objectives: [
				'Amend the Aliens Act to transpose the directives on family reunification, long-term residents, students and researchers.',
				'Reinforce surveillance of the future external border, in particular with Bosnia and Herzegovina.',
				'Conclude and apply readmission agreements with countries of origin and transit.',
				'Adopt a national migration policy setting labour migration priorities beyond the quota system.'
			],
			plan: 'The measures follow the screening and negotiation calendar for chapter 24.',
			measures: [
				['Amend the Aliens Act (family reunification, long-term residents)', HR.interior, 'Q3 2006', 'State budget', 'Draft adopted by the Government'],
				['Transpose Directives 2004/114/EC and 2005/71/EC', `${HR.interior} / Ministry of Science, Education and Sports`, 'Q4 2006', 'State budget', 'Table of concordance completed'],
				['Equip border police stations on the border with Bosnia and Herzegovina', HR.border, 'Q4 2006', 'PHARE 2005', 'Stations equipped; detections reported'],
				['Draft the national migration policy', `${HR.interior} / ${HR.economy}`, 'Q4 2006', 'State budget / IOM', 'Policy submitted to Parliament'],
				['Negotiate readmission agreements with countries of origin', HR.foreign, 'Q2 2006', 'State budget', 'Agreements initialled']
			],
			monitoring:
				'The Ministry of the Interior will report every six months on transposition and implementation, using the tables of concordance prepared for the screening.'
		},
		asylum: {
			context:
				'The Asylum Act of 2003, in force since July 2004, gave Croatia its first national asylum procedure; until then UNHCR determined refugee status. Applicant numbers are still small, but Croatia’s position on the future external border makes it essential to build procedures and reception that can cope with larger numbers.',
			legal:
				'The Asylum Act was drafted with the EU proposals of the time in mind and provides for asylum and temporary protection. It does not yet contain a separate subsidiary protection status, and its procedural rules must be checked against the Procedures Directive.',
			laws: [HR.asylumAct, `${HR.aliensAct}, on removal of rejected applicants`, 'Administrative Disputes Act', 'the 1951 Refugee Convention and its 1967 Protocol, by succession'],
			institutions: `The Asylum Department of the ${HR.interior} decides at first instance; the Asylum Commission hears appeals, with judicial review by the Administrative Court. Applicants are housed in temporary accommodation, because plans for a permanent reception centre have met local opposition. The Reception Centre for Aliens at Ježevo holds irregular migrants, some of whom later apply. The Croatian Red Cross and the Croatian Law Centre assist applicants.`,
			statistics:
				'Fewer than 200 applications were lodged in 2005 (provisional), and very few applicants have been granted asylum so far. Numbers are expected to rise as border controls improve and Croatia becomes a destination rather than a transit country.',
			benchmarks: 'Croatia will apply Dublin II and join Eurodac from accession, so preparation for both must begin during the negotiations.',
			priorities: ['343/2003', '2725/2000'],
			objectives: [
				'Introduce subsidiary protection and the guarantees of Directive 2005/85/EC by amending the Asylum Act.',
				'Prepare for Dublin II and Eurodac, including a national fingerprint system.',
				'Open a permanent reception centre with capacity for rising numbers.',
				'Establish an integration programme for persons granted asylum.'
			],
			plan: 'Investment is proposed for pre-accession funding; legislative measures follow the negotiation calendar.',
			measures: [
				['Draft amendments to the Asylum Act', HR.interior, 'Q4 2006', 'State budget', 'Draft adopted by the Government'],
				['Select a site and open the permanent reception centre', HR.interior, 'Q4 2006', 'CARDS 2004 / State budget', 'Centre operating with about 100 places'],
				['Specify an AFIS system compatible with Eurodac', HR.interior, 'Q4 2006', 'PHARE 2006', 'Technical specification approved'],
				['Set up a country-of-origin information unit', 'Asylum Department', 'Q2 2006', 'State budget / UNHCR', 'COI reports available to all decision-makers'],
				['Train the Asylum Commission and Administrative Court judges', 'Ministry of Justice / UNHCR', 'Q3 2006', 'UNHCR', 'All members trained']
			],
			monitoring:
				'The Asylum Department will publish half-yearly statistics on applications, decisions and appeals. These will form the basis of the asylum part of the chapter 24 screening report.'
		},
		visa: {
			context:
				'Croatian citizens have travelled to the Schengen area without visas since 2001, when Croatia was placed on the visa-free list of Regulation 539/2001. The task is therefore to align Croatia’s own visa policy with EU lists and standards before accession, while managing relations with neighbours whose nationals now enter Croatia without visas.',
			legal:
				'The visa regime rests on the Aliens Act of 2003 and on Government decisions listing the countries whose nationals require visas. Croatian passports are issued under the Travel Documents of Croatian Citizens Act.',
			laws: [HR.aliensAct, 'Government decisions on the visa regime', 'Travel Documents of Croatian Citizens Act (1999)', HR.borderAct],
			institutions: `Visas are issued by missions of the ${HR.foreign}, with the ${HR.interior} giving prior consent in specified cases. The ${HR.border} issues visas at the border in exceptional circumstances and checks carriers’ compliance.`,
			statistics:
				'Croatia has some 90 diplomatic and consular posts (estimate). The land border with Bosnia and Herzegovina alone is about 1,000 km long, and the country receives more than eight million foreign tourist arrivals a year (estimate).',
			benchmarks:
				'Croatia will have to introduce visas for several countries, including some neighbours, by accession; the timetable will be agreed in the negotiations.',
			priorities: ['539/2001', '2004/512/EC'],
			objectives: [
				'Align the visa list fully with Regulation 539/2001 by accession, following an agreed timetable.',
				'Introduce a national visa information system compatible with the VIS.',
				'Apply the Common Consular Instructions at all posts, including local consular cooperation.',
				'Prepare the Border Police for the Schengen Borders Code.'
			],
			plan: 'The measures concentrate on systems that must be ready before accession.',
			measures: [
				['Adopt a timetable for visa-list alignment', `${HR.foreign} / ${HR.interior}`, 'Q2 2006', 'State budget', 'Timetable in the negotiating position'],
				['Develop the national visa information system', HR.foreign, 'Q4 2006', 'PHARE 2006', 'Pilot operating at five posts'],
				['Introduce carriers’ liability rules', HR.interior, 'Q3 2006', 'State budget', 'Aliens Act amended'],
				['Train consular staff in the Common Consular Instructions', HR.foreign, 'Q2 2006', 'ICMPD (CARDS regional)', 'Staff at priority posts trained'],
				['Prepare a Schengen Action Plan', HR.interior, 'Q4 2006', 'State budget', 'Draft submitted to the Government']
			],
			monitoring:
				'Visa-list alignment will be reviewed at each meeting of the working group against the negotiating calendar. The Ministry of Foreign Affairs and European Integration will collect visa statistics by post and nationality.'
		}
	}
};

const CS = {
	foreignersLaw: 'Law on Movement and Stay of Foreigners (1980, as amended)',
	asylumLaw: 'Law on Asylum of Serbia and Montenegro (2005)',
	borderLaw: 'Law on Crossing the State Border and Movement in the Border Zone (as amended)',
	travelLaw: 'Law on Travel Documents of Yugoslav Citizens (1996)',
	serbia: 'Ministry of Interior of the Republic of Serbia',
	montenegro: 'Ministry of Interior of the Republic of Montenegro',
	foreign: 'Ministry of Foreign Affairs of Serbia and Montenegro',
	borderPolice: 'Border Police Directorate (Serbia)',
	commissariat: 'Commissariat for Refugees of the Republic of Serbia'
} as const;

const SERBIA_MONTENEGRO: Country = {
	name: 'Serbia and Montenegro',
	drafting: 'The two republican ministries of the interior draft jointly with the State Union Ministry of Foreign Affairs. Kosovo, under UN administration (UNSCR 1244), falls outside the outline.',
	reporting: 'Reports go to the State Union Council of Ministers and both republican governments.',
	outlines: {
		migration: {
			context:
				'Serbia and Montenegro remains a significant country of origin, hosts the largest refugee population in Europe and lies on transit routes towards the EU. Nationals returned from Member States, many of them Roma, place a heavy burden on local communities.',
			legal:
				'The framework still rests largely on federal legislation from before 1992. Competences are not fully settled: in practice the republics administer foreigners and borders, and the State Union concludes international agreements.',
			laws: [
				CS.foreignersLaw,
				CS.borderLaw,
				'the Criminal Codes of Serbia (2005) and Montenegro (2003), both criminalising trafficking in human beings',
				'about a dozen bilateral readmission agreements'
			],
			institutions: 'Operational responsibility lies mainly with the two ministries of the interior:',
			bodies: [
				`${CS.serbia}: its Border Police Directorate is taking over the border from the Army; it also hosts the National Coordinator against trafficking`,
				`${CS.montenegro}: border control, already in police hands, and foreigners`,
				`${CS.commissariat}: refugees and displaced persons`
			],
			statistics:
				'About 100,000 refugees from Croatia and Bosnia and Herzegovina and over 200,000 persons displaced from Kosovo live in the country (2005 estimates). Serbian police detected about 1,000 irregular migrants in 2005 (provisional); returns of nationals from Member States run at several thousand a year.',
			benchmarks:
				'Given the volume of returns, readmission and reintegration are the most pressing issues, with the trafficking instruments.',
			priorities: ['2002/629/JHA'],
			objectives: [
				'Replace the 1980 law with modern legislation on foreigners in each member state.',
				'Prepare for a readmission agreement with the European Community and apply the existing bilateral agreements.',
				'Organise the reception and reintegration of returnees, with particular attention to Roma.',
				'Complete the transfer of border surveillance from the army to the police in Serbia.'
			],
			plan: 'Where competences differ, measures are listed separately for each member state.',
			measures: [
				['Draft a Law on Foreigners of the Republic of Serbia', CS.serbia, 'Q4 2006', 'State budget', 'Draft submitted to the Government'],
				['Draft a Law on Foreigners of the Republic of Montenegro', CS.montenegro, 'Q4 2006', 'State budget', 'Draft submitted to the Government'],
				['Open a reception office for returnees at Belgrade airport', `${CS.serbia} / ${CS.commissariat}`, 'Q3 2006', 'State budget / IOM', 'Returnees registered and referred'],
				['Complete the takeover of the green border', CS.borderPolice, 'Q4 2006', 'State budget / CARDS 2004', 'All sections under police control'],
				['Run a reintegration programme in municipalities of high return', 'Ministry of Labour, Employment and Social Policy (Serbia)', 'Q3 2006', 'CARDS 2005 / IOM', 'Programme running in five municipalities']
			],
			monitoring:
				'Each ministry of the interior will report on its own measures, and the working group will consolidate the reports every six months. Data on returns will be collected jointly with IOM.'
		},
		asylum: {
			context:
				'Serbia and Montenegro has no functioning asylum procedure. The State Union adopted a Law on Asylum in March 2005, but neither member state has yet adopted the legislation needed to apply it, and UNHCR continues to determine refugee status under its mandate. The authorities’ attention remains focused on the refugees from the conflicts of the 1990s.',
			legal:
				'The 2005 law sets out basic principles of refugee protection but no detailed procedure. The Refugee Convention applies by succession, and the Serbian Law on Refugees of 1992 concerns only persons displaced from other parts of the former Yugoslavia.',
			laws: [CS.asylumLaw, CS.foreignersLaw, 'Law on Refugees of the Republic of Serbia (1992)', 'the 1951 Refugee Convention and its 1967 Protocol, by succession'],
			institutions: `Until an asylum authority is designated, UNHCR registers and decides on applications, and the police deal with irregular entry. The ${CS.commissariat} and the Montenegrin authorities care for refugees from the region and persons displaced from Kosovo, but have no role in asylum procedures.`,
			statistics:
				'UNHCR received fewer than 100 applications in 2005 and recognised only a handful of refugees (estimate). By contrast, about 100,000 refugees and over 200,000 internally displaced persons remain in the country, and local integration is the main durable solution for most refugees.',
			benchmarks:
				'The priority is implementing legislation consistent with the Qualification and Procedures Directives; the Temporary Protection Directive is relevant given the region’s recent history.',
			priorities: ['2004/83/EC', '2005/85/EC'],
			objectives: [
				'Adopt implementing legislation establishing a national procedure, refugee status and subsidiary protection.',
				'Designate and staff a first-instance asylum office and an independent appeal body.',
				'Open a reception centre for asylum seekers.',
				'Agree the handover of refugee status determination from UNHCR.'
			],
			plan: 'The sequence assumes that the allocation of competence for asylum is confirmed in 2006.',
			measures: [
				['Draft implementing legislation on asylum', `${CS.serbia} / ${CS.montenegro}`, 'Q3 2006', 'State budget', 'Drafts submitted to both governments'],
				['Establish an asylum office in each ministry of the interior', 'Ministries of the interior', 'Q4 2006', 'State budget / UNHCR', 'Offices staffed and trained'],
				['Identify and equip a reception centre', CS.commissariat, 'Q4 2006', 'CARDS 2005', 'Centre with about 80 places operating'],
				['Train border police at Belgrade airport and main crossings in referral', `${CS.borderPolice} / UNHCR`, 'Q2 2006', 'UNHCR', 'Referral procedure in use'],
				['Agree a handover plan with UNHCR', 'Ministries of the interior / UNHCR', 'Q3 2006', 'UNHCR', 'Plan signed']
			],
			monitoring:
				'UNHCR will provide statistics on applications and decisions until a national authority takes over. The working group will report on the legislative process every quarter.'
		},
		visa: {
			context:
				'Visa policy falls to the State Union Ministry of Foreign Affairs, which makes it a test of the joint institutions’ capacity. Citizens of Serbia and Montenegro need visas for the Schengen area, and the cost and difficulty of obtaining them are politically sensitive. Document security and consular practice must improve to build the trust needed for facilitation.',
			legal:
				'The visa regime rests on the Law on Movement and Stay of Foreigners and on decisions of the State Union Council of Ministers. Passports are still issued to the old Yugoslav model under federal legislation.',
			laws: [CS.foreignersLaw, 'decisions of the Council of Ministers of Serbia and Montenegro on the visa regime', CS.travelLaw, CS.borderLaw],
			institutions: `The ${CS.foreign} issues visas through its missions. The ministries of the interior of the two member states issue passports and carry out border checks, including visas at the border in exceptional cases.`,
			statistics:
				'The State Union has roughly 100 diplomatic and consular missions (estimate). Member States’ consulates in Belgrade and Podgorica issue several hundred thousand Schengen visas a year (estimate), while visas issued by the State Union’s own missions are not recorded centrally.',
			benchmarks:
				'Secure passports, alignment of the visa list and adherence to the Common Consular Instructions are the conditions Member States cite most often in discussions on facilitation.',
			priorities: ['2252/2004', '539/2001'],
			objectives: [
				'Introduce a new passport meeting ICAO standards, with a timetable for biometrics.',
				'Align the visa regime progressively with Regulation 539/2001.',
				'Connect all missions to a central visa database accessible to the border police of both member states.',
				'Apply the Common Consular Instructions at the State Union’s missions.'
			],
			plan: 'Measures requiring investment will be submitted for CARDS funding through the State Union’s programming.',
			measures: [
				['Prepare new legislation on travel documents', `${CS.serbia} / ${CS.montenegro}`, 'Q3 2006', 'State budget', 'Drafts submitted to both governments'],
				['Launch the tender for new passports', CS.serbia, 'Q4 2006', 'State budget', 'Contract signed'],
				['Revise the visa regime decision', CS.foreign, 'Q2 2006', 'State budget', 'Differences with Regulation 539/2001 reduced'],
				['Install networked visa software at 20 missions', CS.foreign, 'Q4 2006', 'CARDS 2005 / ICMPD', 'Software in use'],
				['Train border police in document examination', `${CS.borderPolice} / Police Directorate of Montenegro`, 'Q2 2006', 'ICMPD (CARDS regional)', 'Officers trained at main crossings']
			],
			monitoring: 'The Ministry of Foreign Affairs will report twice a year on visas issued and refused by mission.'
		}
	}
};

const MK = {
	asylumLaw: 'Law on Asylum and Temporary Protection (Official Gazette No. 49/03)',
	aliensLaw: 'Law on Movement and Residence of Aliens (1992, as amended)',
	saa: 'Stabilisation and Association Agreement, in force since April 2004',
	interior: 'Ministry of Interior',
	borderPolice: 'Ministry of Interior, Border Police',
	labour: 'Ministry of Labour and Social Policy',
	foreign: 'Ministry of Foreign Affairs'
} as const;

const NORTH_MACEDONIA: Country = {
	name: 'North Macedonia',
	drafting: 'The Ministry of Interior leads; the Secretariat for European Affairs checks each chapter against SAA commitments.',
	reporting: 'Reports go to the Government through the Secretariat for European Affairs.',
	outlines: {
		migration: {
			context:
				'North Macedonia is a country of emigration and of transit. A large diaspora lives in western Europe, Australia and North America, while the routes from Albania, Kosovo and Greece towards the EU expose the country to smuggling and trafficking. The Stabilisation and Association Agreement commits it to cooperate on readmission and the prevention of illegal migration.',
			legal:
				'The Law on Movement and Residence of Aliens dates from 1992 and no longer reflects European standards. A new Law on Foreigners has been prepared with EU assistance and is expected to be adopted in 2006.',
			laws: [MK.aliensLaw, 'draft Law on Foreigners', 'Criminal Code, as amended, criminalising trafficking in human beings and smuggling of migrants', MK.saa],
			institutions:
				'The Ministry of Interior is responsible for aliens and border control; its Border Police completed the takeover of the state border from the Army in August 2005. Work permits for foreigners are issued through the Employment Agency. The National Commission for Combating Trafficking in Human Beings and Illegal Migration coordinates anti-trafficking action.',
			statistics:
				'The diaspora is estimated at several hundred thousand persons. Several hundred irregular migrants are apprehended each year (2005, provisional), and those awaiting removal are held at the Transit Centre for Foreigners in Skopje.',
			benchmarks: 'With candidate status, the full migration acquis must now be planned for; the new Law on Foreigners is the main vehicle.',
			priorities: ['2003/86/EC', '2002/90/EC'],
			objectives: [
				'Adopt and implement the new Law on Foreigners, transposing the main legal migration directives.',
				'Conclude a readmission agreement with the European Community and implementing protocols with neighbours.',
				'Consolidate the Border Police and improve the detection of smuggling.',
				'Build a migration statistics system shared by the Ministry of Interior and the State Statistical Office.'
			],
			plan: 'Deadlines follow the expected adoption of the Law on Foreigners in 2006.',
			measures: [
				['Adopt by-laws to the new Law on Foreigners', MK.interior, 'Q4 2006', 'State budget', 'By-laws published'],
				['Prepare for readmission negotiations with the European Community', `${MK.foreign} / ${MK.interior}`, 'Q4 2006', 'State budget', 'Negotiating team and position ready'],
				['Upgrade the Transit Centre for Foreigners', MK.interior, 'Q3 2006', 'CARDS 2004', 'Conditions meet CPT standards'],
				['Equip Border Police units on the northern and western borders', MK.borderPolice, 'Q2 2006', 'CARDS 2004', 'Detections reported quarterly'],
				['Develop a joint migration statistics database', `${MK.interior} / State Statistical Office`, 'Q4 2006', 'State budget / IOM', 'First annual migration report published']
			],
			monitoring:
				'The Ministry of Interior will report to the Government every six months. Migration data will be published annually with the State Statistical Office.'
		},
		asylum: {
			context:
				'North Macedonia sheltered more than 300,000 refugees from Kosovo in 1999. Some 2,000, mostly Roma, Ashkali and Egyptians, remained after their temporary humanitarian status ended in 2003 and applied for asylum under the new law. The country must resolve this caseload while handling new applications from the mixed flows crossing its territory.',
			legal:
				'The Law on Asylum and Temporary Protection of 2003 introduced a national procedure and recognises refugee status and humanitarian protection. Its procedural provisions need to be checked against the Procedures Directive adopted in December 2005.',
			laws: [MK.asylumLaw, MK.aliensLaw, 'Law on General Administrative Procedure', 'the 1951 Refugee Convention and its 1967 Protocol, by succession'],
			institutions: `The Asylum Section of the ${MK.interior} decides at first instance, with final review by the Supreme Court. The ${MK.labour} is responsible for accommodating applicants, currently in collective centres and private housing, and for integration. UNHCR and its partners monitor procedures and provide legal aid.`,
			statistics:
				'About 2,000 persons from Kosovo were still in the country in early 2005, most with negative first-instance decisions (estimate). New applications from other nationalities numbered under 100 in 2005 (provisional).',
			benchmarks:
				'Candidate status brings the full asylum acquis, including Dublin II and Eurodac, into view; the immediate priorities are the Procedures Directive and clear rules on temporary protection.',
			priorities: ['2005/85/EC', '2001/55/EC'],
			objectives: [
				'Resolve the remaining Kosovo caseload through individual decisions and durable solutions, including local integration.',
				'Amend the 2003 law in line with the Qualification and Procedures Directives.',
				'Establish a reception centre for asylum seekers meeting Directive 2003/9/EC.',
				'Introduce procedures at the border and at Skopje airport for identifying persons seeking protection.'
			],
			plan: 'UNHCR will assist with training and case review; investment is proposed under CARDS.',
			measures: [
				['Review all remaining Kosovo cases', `${MK.interior}, Asylum Section`, 'Q2 2006', 'State budget / UNHCR', 'Decisions issued; solutions proposed'],
				['Prepare amendments to the Law on Asylum and Temporary Protection', MK.interior, 'Q4 2006', 'State budget', 'Draft adopted by the Government'],
				['Establish a reception centre for asylum seekers near Skopje', MK.labour, 'Q4 2006', 'CARDS 2005', 'Site selected and works contracted'],
				['Adopt an integration programme for recognised refugees', MK.labour, 'Q4 2006', 'State budget / UNHCR', 'Programme adopted'],
				['Train border police in identification and referral', MK.borderPolice, 'Q2 2006', 'UNHCR', 'Referral forms in use at main crossings']
			],
			monitoring:
				'The Asylum Section will report quarterly on applications, decisions and the remaining caseload. A joint review with UNHCR at the end of 2006 will assess whether the law needs further amendment.'
		},
		visa: {
			context:
				'Citizens of North Macedonia need a visa for the Schengen area. The Stabilisation and Association Agreement commits the country to cooperate on visa policy and border control, and candidate status places full alignment on the agenda. Its visa list and consular practice still differ from the Schengen model.',
			legal:
				'The visa regime rests on the Law on Movement and Residence of Aliens and on Government decisions on the visa regime. Passports are issued under the Law on Travel Documents of Citizens.',
			laws: [MK.aliensLaw, 'Government decision on the visa regime', 'Law on Travel Documents of Citizens (1992, as amended)', MK.saa],
			institutions: `Visas are issued by the ${MK.foreign} through its missions and, exceptionally, at the border by the Border Police. The ${MK.interior} issues passports and keeps the records on foreigners. The National Strategy for Integrated Border Management of 2003 sets the framework for border checks.`,
			statistics:
				'The country has some 40 diplomatic and consular missions (estimate). Skopje airport and the road crossings with Greece and Serbia and Montenegro carry most border traffic.',
			benchmarks: 'Choices made now on passports and visa software should anticipate the VIS and the biometric requirements of Regulation 2252/2004.',
			priorities: ['1683/95', '2252/2004'],
			objectives: [
				'Align the visa list with Regulation 539/2001 in stages.',
				'Introduce passports with security features meeting Regulation 2252/2004.',
				'Connect missions and border crossing points to a central visa database.',
				'Apply the Common Consular Instructions, including consultation procedures, at all missions.'
			],
			plan: 'The measures below are sequenced so that the central database is ready before new stickers and passports are issued.',
			measures: [
				['Amend the Government decision on the visa regime', `${MK.foreign} / ${MK.interior}`, 'Q2 2006', 'State budget', 'Decision amended'],
				['Prepare the tender for passports with biometric capability', MK.interior, 'Q4 2006', 'State budget / CARDS 2005', 'Tender launched'],
				['Install a central visa database linked to missions and the Border Police', `${MK.foreign} / ${MK.interior}`, 'Q4 2006', 'CARDS 2005', 'Twelve missions connected'],
				['Introduce the uniform-format visa sticker', MK.foreign, 'Q3 2006', 'CARDS 2004', 'New sticker in use'],
				['Train consular staff in the Common Consular Instructions', MK.foreign, 'Q2 2006', 'ICMPD (CARDS regional)', 'Staff of all missions trained']
			],
			monitoring: 'The Ministry of Foreign Affairs will compile visa statistics from all missions twice a year and report them with the Ministry of Interior’s border data.'
		}
	}
};

const COUNTRIES: Record<DelegationCode, Country> = {
	al: ALBANIA,
	ba: BOSNIA,
	hr: CROATIA,
	cs: SERBIA_MONTENEGRO,
	mk: NORTH_MACEDONIA
};

/** Marks this country's priority instrument numbers in bold. */
function emphasise(instrument: string, priorities: readonly string[]): string {
	const match = priorities.find((number) => instrument.includes(number));
	return match ? instrument.replace(match, `**${match}**`) : instrument;
}

/** The opening outline of a national strategy, as Tiptap JSON (root node type 'doc'). */
export function strategyOutline(delegation: DelegationCode, module: ModuleCode): JSONContent {
	const country = COUNTRIES[delegation];
	const facts = MODULES[module];
	const outline = country.outlines[module];

	return {
		type: 'doc',
		content: [
			h(1, `National EU Alignment Strategy — ${facts.title} (${country.name})`),
			h(2, '1 Introduction'),
			p(outline.context),
			p(`${facts.programme} ${country.drafting}`),
			h(2, '2 Current situation'),
			h(3, '2.1 Legal framework'),
			p(outline.legal),
			ul(outline.laws),
			h(3, '2.2 Institutional framework'),
			p(outline.institutions),
			...(outline.bodies ? [ul(outline.bodies)] : []),
			h(3, '2.3 Statistics'),
			p(outline.statistics),
			h(2, '3 EU standards and benchmarks'),
			p(`${facts.standards} ${outline.benchmarks}`),
			ul(facts.instruments.map((instrument) => emphasise(instrument, outline.priorities))),
			h(2, '4 Strategic objectives'),
			ol(outline.objectives),
			h(2, '5 Implementation action plan'),
			p(outline.plan),
			table(ACTION_PLAN_HEADER, outline.measures),
			h(2, '6 Monitoring and reporting'),
			p(outline.monitoring),
			p(`${country.reporting} ${facts.reporting}`)
		]
	};
}
