/**
 * The regional strategy's catalogue of benchmarks: each translates one EU standard of the
 * 2005–2006 asylum, migration and visa acquis into what an aligned national legal and
 * institutional framework looks like, and how progress towards it is measured. National
 * strategies are assessed against these benchmarks.
 */

export interface BenchmarkSeed {
	code: string;
	module: 'migration' | 'asylum' | 'visa';
	title: string;
	instrument: string;
	celex: string | null;
	aligned: string;
	indicators: string[];
}

export const BENCHMARKS: BenchmarkSeed[] = [
	{
		code: 'MIG-01',
		module: 'migration',
		title: 'Family reunification of third-country nationals',
		instrument: 'Council Directive 2003/86/EC of 22 September 2003 on the right to family reunification',
		celex: '32003L0086',
		aligned:
			'Primary legislation transposes the family members entitled to reunification under Article 4 and the conditions on accommodation, sickness insurance and stable and regular resources in Article 7, with a waiting period of no more than two years under Article 8. A single competent authority decides in writing within nine months, gives reasons for any rejection and the sponsor has access to a legal challenge (Articles 5 and 18). Family members receive a first residence permit of at least one year, access to education, employment and vocational training, and an autonomous permit after no more than five years (Articles 13–15).',
		indicators: [
			'Transposition table mapping the aliens law against Articles 4–8 and 13–18, with no condition stricter than the Directive permits',
			'Average processing time from complete application to decision, against the nine-month limit of Article 5(4)',
			'Share of refusals issued with written reasons and information on the right of appeal',
			'Number of autonomous residence permits issued to family members after five years’ residence'
		]
	},
	{
		code: 'MIG-02',
		module: 'migration',
		title: 'Status of long-term resident third-country nationals',
		instrument:
			'Council Directive 2003/109/EC of 25 November 2003 concerning the status of third-country nationals who are long-term residents',
		celex: '32003L0109',
		aligned:
			'The aliens law creates a distinct long-term resident status granted after five years of legal and continuous residence, subject only to stable and regular resources, sickness insurance and, where chosen, integration conditions (Articles 4–5). Decisions are taken within six months and the long-term resident’s permit is valid for at least five years and renewed automatically (Articles 7–8). Holders enjoy equal treatment in employment, education, social security and tax benefits under Article 11 and reinforced protection against expulsion under Article 12.',
		indicators: [
			'Status and its conditions laid down in primary legislation, with periods of residence calculated as in Article 4, including half of periods spent as a student',
			'Number of long-term resident permits issued per year, and share decided within six months',
			'Equal treatment clause of Article 11 reflected in labour, education and social welfare legislation',
			'Expulsion decisions against long-term residents reviewed against the Article 12 criteria of duration of residence, age, consequences and links with the country of origin'
		]
	},
	{
		code: 'MIG-03',
		module: 'migration',
		title: 'Admission of students',
		instrument:
			'Council Directive 2004/114/EC of 13 December 2004 on the conditions of admission of third-country nationals for the purposes of studies, pupil exchange, unremunerated training or voluntary service',
		celex: '32004L0114',
		aligned:
			'Admission of students rests on transparent statutory conditions: a valid travel document, acceptance by a higher education establishment, sufficient resources, sickness insurance and, where required, payment of fees (Articles 6–7). Residence permits are issued for at least one year or the duration of studies and renewed while the conditions are met, and students may work at least ten hours a week (Articles 12 and 17). Decisions are adopted in time for the student to enrol, state reasons and are open to legal challenge (Article 18).',
		indicators: [
			'Number of study residence permits issued and renewed per academic year',
			'Average time from complete application to decision, compared with the start of the academic year',
			'Right to work at least ten hours a week during studies written into the rules on employment of foreigners',
			'Cooperation protocol between the interior ministry and higher education establishments on verification of enrolment'
		]
	},
	{
		code: 'MIG-04',
		module: 'migration',
		title: 'Admission of researchers',
		instrument:
			'Council Directive 2005/71/EC of 12 October 2005 on a specific procedure for admitting third-country nationals for the purposes of scientific research',
		celex: '32005L0071',
		aligned:
			'Research organisations are approved under a published procedure and may sign hosting agreements with researchers certifying the research project, the researcher’s resources and sickness insurance (Articles 5–6). A researcher admitted on a hosting agreement receives a residence permit of at least one year without a separate work permit, may teach in accordance with national law and may carry out part of the project in another Member State (Articles 8, 11 and 13). Visas and family residence permits for researchers are issued under an accelerated procedure.',
		indicators: [
			'Approval procedure for research organisations in force and list of approved organisations published',
			'Number of hosting agreements signed and residence permits issued to researchers',
			'Average time to decision on a researcher’s permit, with no separate work permit required',
			'Model hosting agreement consistent with Article 6 adopted'
		]
	},
	{
		code: 'MIG-05',
		module: 'migration',
		title: 'Uniform format for residence permits',
		instrument:
			'Council Regulation (EC) No 1030/2002 of 13 June 2002 laying down a uniform format for residence permits for third-country nationals',
		celex: '32002R1030',
		aligned:
			'Residence permits for third-country nationals are issued as stand-alone cards or stickers meeting the specifications and security features in the Annex to Regulation 1030/2002, with the photograph integrated by secure printing. Personalisation is centralised in a single secure facility, blank documents are accounted for by serial number, and a national register links each permit to the holder’s file.',
		indicators: [
			'Residence permit document with security features equivalent to the Annex in use nationwide',
			'Share of permits personalised at the central secure facility',
			'Number of lost or stolen blank documents reported, with an audit trail for each',
			'Residence permit register accessible on-line to the border police and aliens police'
		]
	},
	{
		code: 'MIG-06',
		module: 'migration',
		title: 'Facilitation of unauthorised entry, transit and residence',
		instrument:
			'Council Directive 2002/90/EC of 28 November 2002 defining the facilitation of unauthorised entry, transit and residence, and Council Framework Decision 2002/946/JHA of 28 November 2002 on the strengthening of the penal framework to prevent the facilitation of unauthorised entry, transit and residence',
		celex: '32002L0090',
		aligned:
			'The criminal code penalises intentionally assisting a non-national to enter or transit in breach of the law on aliens, and assisting residence for financial gain, together with instigation, participation and attempt; humanitarian assistance may be exempted (Directive, Articles 1–2). Where the offence is committed for financial gain and either by a criminal organisation or endangering the lives of the persons concerned, the maximum sentence is not less than eight years, legal persons are liable and jurisdiction covers offences committed in whole or in part on the territory (Framework Decision, Articles 1, 2 and 4).',
		indicators: [
			'Criminal code provisions on migrant smuggling mapped against the Directive and the Framework Decision, including liability of legal persons',
			'Number of investigations, prosecutions and final convictions for facilitation per year',
			'Average sentence imposed in aggravated cases, compared with the eight-year maximum',
			'UN Protocol against the Smuggling of Migrants by Land, Sea and Air ratified and implemented'
		]
	},
	{
		code: 'MIG-07',
		module: 'migration',
		title: 'Combating trafficking in human beings',
		instrument:
			'Council Framework Decision 2002/629/JHA of 19 July 2002 on combating trafficking in human beings',
		celex: '32002F0629',
		aligned:
			'The criminal code defines trafficking for labour or sexual exploitation as in Article 1 — recruitment, transportation, transfer, harbouring or receipt by coercion, deception, abuse of authority or of a position of vulnerability — and makes the victim’s consent irrelevant where such means are used, and in every case involving a child. Offences that endanger life, target a particularly vulnerable victim, involve serious violence or are committed by a criminal organisation carry a maximum sentence of not less than eight years, and legal persons are liable (Articles 3–5). Investigation and prosecution do not depend on a report by the victim, and child victims receive assistance (Article 7).',
		indicators: [
			'Trafficking offence in the criminal code matching the Article 1 definition, including labour exploitation',
			'Number of trafficking cases investigated, prosecuted and finally adjudicated per year, by form of exploitation',
			'National anti-trafficking coordinator and national referral mechanism established by government decision',
			'Palermo Protocol on trafficking in persons ratified and the 2005 Council of Europe Convention on Action against Trafficking in Human Beings signed'
		]
	},
	{
		code: 'MIG-08',
		module: 'migration',
		title: 'Residence permits for victims of trafficking who cooperate with the authorities',
		instrument:
			'Council Directive 2004/81/EC of 29 April 2004 on the residence permit issued to third-country nationals who are victims of trafficking in human beings or who have been the subject of an action to facilitate illegal immigration, who cooperate with the competent authorities',
		celex: '32004L0081',
		aligned:
			'Identified victims are informed of their options and granted a reflection period during which no expulsion order is enforced (Articles 5–6). A renewable residence permit valid for at least six months is issued where the person’s presence is useful to the proceedings, the person shows a clear intention to cooperate and has severed relations with the suspects (Article 8). Victims without sufficient resources receive subsistence, emergency medical and psychological treatment, translation and, where national law provides, free legal aid, with specific measures for minors (Articles 7, 9 and 10).',
		indicators: [
			'Reflection period of a defined duration laid down in law or implementing regulation',
			'Number of victims granted a reflection period, and number of residence permits issued and renewed',
			'Shelters and assistance providers under agreement with the State, with capacity and occupancy recorded',
			'Share of minor victims assigned a legal guardian on identification'
		]
	},
	{
		code: 'MIG-09',
		module: 'migration',
		title: 'Readmission agreements',
		instrument:
			'Readmission agreements concluded by the European Community with third countries (EC model agreement and practice)',
		celex: null,
		aligned:
			'The country has concluded, or is ready to conclude, a readmission agreement with the European Community and agreements with neighbouring states on the EC model: readmission of own nationals, of third-country nationals and stateless persons who entered from its territory, an accelerated procedure for persons apprehended in the border region, and transit arrangements. A designated central authority answers readmission applications within the agreed time limits, establishes nationality from the evidence listed in the annexes and issues travel documents promptly. Returned nationals are received at designated points and referred to reintegration support.',
		indicators: [
			'Readmission agreements in force with the European Community and with neighbouring states, with implementing protocols',
			'Number of readmission applications received and share answered within the agreed time limit',
			'Average time to issue travel documents for own nationals to be readmitted',
			'Reception and reintegration arrangements for returned nationals operating at the main airport and border crossing points'
		]
	},
	{
		code: 'MIG-10',
		module: 'migration',
		title: 'Mutual recognition of expulsion decisions',
		instrument:
			'Council Directive 2001/40/EC of 28 May 2001 on the mutual recognition of decisions on the expulsion of third-country nationals',
		celex: '32001L0040',
		aligned:
			'The aliens law, to apply from accession, allows an expulsion decision taken by a Member State to be recognised and enforced against a third-country national on the territory where it is based on a serious and present threat to public order or national security, or on failure to comply with the rules on entry and residence (Article 3). Enforcement respects the European Convention on Human Rights and the 1951 Geneva Convention, and the person may seek a remedy against the enforcement measure (Articles 3–4). Information is exchanged through designated contact points.',
		indicators: [
			'Legal basis for recognising and enforcing Member State expulsion decisions drafted, with its date of application',
			'Central contact point for exchange of information on expulsion decisions designated',
			'Remedy against enforcement measures laid down in the law on administrative procedure',
			'Pre-removal check on non-refoulement documented in every enforced expulsion file'
		]
	},
	{
		code: 'MIG-11',
		module: 'migration',
		title: 'Transit assistance and joint flights for removal by air',
		instrument:
			'Council Directive 2003/110/EC of 25 November 2003 on assistance in cases of transit for the purposes of removal by air',
		celex: '32003L0110',
		aligned:
			'A central authority receives and answers requests for escorted or unescorted transit through national airports within 48 hours and provides the assistance listed in Article 5, including meeting the returnee at the aircraft, escort within the airport, emergency medical care and catering. Escorts act under a written code of conduct respecting human dignity, the use of coercive measures is regulated and recorded, and participation in joint flights follows the Common Guidelines on security provisions annexed to Council Decision 2004/573/EC.',
		indicators: [
			'Central authority for transit requests designated and its contact details communicated to partner states',
			'Share of transit requests answered within 48 hours',
			'Written code of conduct for escorts adopted, and number of escort officers trained',
			'Removals by air monitored by an independent body, with incident reports published'
		]
	},
	{
		code: 'ASY-01',
		module: 'asylum',
		title: 'Geneva Convention baseline and national refugee status determination',
		instrument:
			'Convention relating to the Status of Refugees, Geneva, 28 July 1951, and Protocol relating to the Status of Refugees, New York, 31 January 1967',
		celex: null,
		aligned:
			'The country is party to the Convention and Protocol without geographical limitation, and the refugee definition of Article 1A(2), the cessation and exclusion clauses and the principle of non-refoulement of Article 33 are incorporated in primary legislation. A specialised first-instance asylum authority, separate from border and police functions, conducts refugee status determination to the standards of the UNHCR Handbook, and responsibility for determination has been handed over in full from UNHCR to the national authority.',
		indicators: [
			'Instruments of succession or accession deposited, with no geographical limitation',
			'Date of full transfer of refugee status determination from UNHCR to the national authority',
			'Number of trained caseworkers in the asylum authority, against the annual caseload',
			'Number of alleged refoulement cases raised by UNHCR or NGOs, and share followed up'
		]
	},
	{
		code: 'ASY-02',
		module: 'asylum',
		title: 'Determining the State responsible for an asylum application (Dublin II)',
		instrument:
			'Council Regulation (EC) No 343/2003 of 18 February 2003 establishing the criteria and mechanisms for determining the Member State responsible for examining an asylum application lodged in one of the Member States by a third-country national',
		celex: '32003R0343',
		aligned:
			'The asylum law and its implementing regulations reflect the hierarchy of criteria in Chapter III — unaccompanied minors, family members, residence documents and visas, irregular entry, visa-waived entry and applications in an international transit area — so that the Regulation can be applied from accession, together with the humanitarian and sovereignty clauses. A Dublin unit within the asylum authority is staffed and trained to prepare take-charge and take-back requests within the limits of Articles 17–20, including three months for a request and six months for a transfer.',
		indicators: [
			'Dublin unit established with designated staff and a procedures manual',
			'Case registration records the travel route, documents held and family links needed to apply the Chapter III criteria',
			'Number of officers trained on the Regulation with Member State partners',
			'Procedure for receiving transferred applicants at the main airport and border crossing points defined'
		]
	},
	{
		code: 'ASY-03',
		module: 'asylum',
		title: 'Dublin implementing rules and DubliNet',
		instrument:
			'Commission Regulation (EC) No 1560/2003 of 2 September 2003 laying down detailed rules for the application of Council Regulation (EC) No 343/2003',
		celex: '32003R1560',
		aligned:
			'The asylum authority’s procedures use the standard request and reply forms and the lists of proof and circumstantial evidence annexed to Regulation 1560/2003, so that evidence gathered at registration is usable in determining responsibility. A national access point is technically ready to join the DubliNet secure electronic network, and the transfer modalities — departure on the applicant’s own initiative, supervised departure and escorted transfer, using the standard laissez-passer — are regulated.',
		indicators: [
			'Standard forms and evidence lists integrated into the asylum case management system',
			'Technical readiness of a national access point for DubliNet confirmed by an IT audit',
			'Written procedure for each transfer modality, including issue of the laissez-passer',
			'Share of asylum files in which documentary and circumstantial evidence of the travel route is recorded at registration'
		]
	},
	{
		code: 'ASY-04',
		module: 'asylum',
		title: 'Fingerprinting of asylum applicants and irregular border crossers (Eurodac)',
		instrument:
			'Council Regulation (EC) No 2725/2000 of 11 December 2000 concerning the establishment of ‘Eurodac’ for the comparison of fingerprints for the effective application of the Dublin Convention',
		celex: '32000R2725',
		aligned:
			'The law requires the fingerprinting of every asylum applicant and every person apprehended for irregularly crossing the external border who is at least 14 years old (Articles 4 and 8), with storage periods of ten and two years respectively, erasure rules, and the data subject’s rights to information, access and correction. Live-scan equipment at reception centres and main border posts produces prints of the quality required by Council Regulation (EC) No 407/2002, and a national automated fingerprint identification system can be connected to the Central Unit on accession.',
		indicators: [
			'Share of asylum applicants aged 14 or over fingerprinted at registration',
			'Number of live-scan stations installed at reception centres and border crossing points',
			'National automated fingerprint identification system operational, with the rejection rate for print quality recorded',
			'Supervision of fingerprint data by the data protection authority established in law'
		]
	},
	{
		code: 'ASY-05',
		module: 'asylum',
		title: 'Temporary protection in a mass influx',
		instrument:
			'Council Directive 2001/55/EC of 20 July 2001 on minimum standards for giving temporary protection in the event of a mass influx of displaced persons and on measures promoting a balance of efforts between Member States in receiving such persons and bearing the consequences thereof',
		celex: '32001L0055',
		aligned:
			'The asylum law provides for temporary protection, triggered by a decision in the event of a mass influx, for an initial period of one year extendable by six-month periods for up to one further year (Article 4), with exclusion grounds as in Article 28. Beneficiaries receive residence permits, access to employment, suitable accommodation, social welfare and medical care, education for minors and family reunification (Articles 8–15), and may lodge an asylum application at any time (Article 17). A contingency plan sets out registration, reserve reception capacity and the authority in charge.',
		indicators: [
			'Contingency plan for a mass influx adopted, with registration procedure and reserve reception places identified',
			'Beneficiaries’ rights in national law mapped against Articles 8–16',
			'Access of beneficiaries to the asylum procedure guaranteed in law',
			'Simulation exercise held with UNHCR and local authorities'
		]
	},
	{
		code: 'ASY-06',
		module: 'asylum',
		title: 'Reception conditions for asylum seekers',
		instrument:
			'Council Directive 2003/9/EC of 27 January 2003 laying down minimum standards for the reception of asylum seekers',
		celex: '32003L0009',
		aligned:
			'Asylum seekers are informed in writing of benefits and obligations within 15 days of lodging an application and receive a document certifying their status within three days (Articles 5–6). Material reception conditions ensure an adequate standard of living, in accommodation centres or through allowances, with health care, schooling for minors within three months and access to the labour market where no first-instance decision is taken within one year for reasons not attributable to the applicant (Articles 10–15). Vulnerable persons are identified, and unaccompanied minors are represented and placed with relatives, foster families or specialised centres (Articles 17–19).',
		indicators: [
			'Reception capacity in places against the annual number of applicants, with occupancy rate',
			'Share of applicants receiving the status document within three days and written information within 15 days',
			'Procedure for identifying vulnerable persons in force, and number of unaccompanied minors assigned a legal guardian',
			'Right to work after one year without a first-instance decision laid down in the law on employment of foreigners'
		]
	},
	{
		code: 'ASY-07',
		module: 'asylum',
		title: 'Qualification for refugee status and subsidiary protection',
		instrument:
			'Council Directive 2004/83/EC of 29 April 2004 on minimum standards for the qualification and status of third country nationals or stateless persons as refugees or as persons who otherwise need international protection and the content of the protection granted',
		celex: '32004L0083',
		aligned:
			'The asylum law defines acts of and reasons for persecution, actors of persecution including non-State actors, actors of protection and internal protection as in Articles 6–10, and requires an individual assessment of all relevant facts, including up-to-date country of origin information, with the benefit of the doubt under Article 4(5). Subsidiary protection replaces discretionary humanitarian stay for persons facing a real risk of serious harm — the death penalty or execution, torture or inhuman or degrading treatment, or a serious and individual threat from indiscriminate violence in armed conflict (Article 15) — with exclusion as in Articles 12 and 17.',
		indicators: [
			'Definitions of Articles 2 and 6–10 transposed in primary legislation',
			'Subsidiary protection status established in law in place of humanitarian stay',
			'Recognition rates for refugee status and subsidiary protection published annually by nationality',
			'Country of origin information unit operational, with sources cited in decisions'
		]
	},
	{
		code: 'ASY-08',
		module: 'asylum',
		title: 'Content of international protection and integration',
		instrument:
			'Council Directive 2004/83/EC of 29 April 2004 on minimum standards for the qualification and status of third country nationals or stateless persons as refugees or as persons who otherwise need international protection and the content of the protection granted (Chapter VII)',
		celex: '32004L0083',
		aligned:
			'Refugees receive a renewable residence permit valid for at least three years and beneficiaries of subsidiary protection one valid for at least one year, together with travel documents (Articles 24–25). Beneficiaries have access to employment, education, social welfare, health care, accommodation and integration programmes on the terms of Articles 26–33, and family unity is maintained under Article 23. Integration is the responsibility of a named institution with its own budget line.',
		indicators: [
			'Average time from final decision to issue of residence permit and travel document',
			'Legislation on employment, social assistance and health insurance amended to cover beneficiaries of international protection',
			'Number of beneficiaries enrolled in language and integration programmes',
			'Budget line for integration of beneficiaries in the annual State budget'
		]
	},
	{
		code: 'ASY-09',
		module: 'asylum',
		title: 'First-instance asylum procedures',
		instrument:
			'Council Directive 2005/85/EC of 1 December 2005 on minimum standards on procedures in Member States for granting and withdrawing refugee status',
		celex: '32005L0085',
		aligned:
			'Every person may lodge an application, including at the border, remains on the territory while it is examined and is given a personal interview by qualified staff with an interpreter, a written decision stating reasons in fact and in law, and access to UNHCR and legal advice (Articles 6–16 and 21). Applications are examined individually, objectively and impartially using precise and up-to-date country information, and applicants are told if no decision can be taken within six months (Articles 8 and 23). Accelerated and border procedures and the safe country of origin and safe third country concepts are used only within the limits of Articles 23–31 and 35–36.',
		indicators: [
			'Average duration of first-instance procedures, and share of cases decided within six months',
			'Share of applicants given a personal interview with a qualified interpreter',
			'Share of negative decisions stating reasons in fact and in law',
			'Number of applications lodged at border crossing points and the airport, with UNHCR access recorded'
		]
	},
	{
		code: 'ASY-10',
		module: 'asylum',
		title: 'Effective remedy in asylum cases',
		instrument:
			'Council Directive 2005/85/EC of 1 December 2005 on minimum standards on procedures in Member States for granting and withdrawing refugee status (Article 39, right to an effective remedy)',
		celex: '32005L0085',
		aligned:
			'Applicants have the right to an effective remedy before a court or tribunal against any decision on their application, including inadmissibility, border procedure and withdrawal decisions (Article 39). Time limits for appeal are reasonable and stated in the decision, free legal assistance is available on appeal under Article 15, and the rules on suspensive effect allow the applicant to remain pending the outcome or to ask the court for leave to remain. The court examines facts and law, and its case law is published.',
		indicators: [
			'Appeal lies to a court or tribunal independent of the first-instance authority',
			'Time limit for lodging an appeal, and average duration of appeal proceedings',
			'Share of appellants receiving free legal assistance',
			'Share of first-instance decisions overturned or remitted on appeal, published annually'
		]
	},
	{
		code: 'VIS-01',
		module: 'visa',
		title: 'Alignment with the EU visa lists',
		instrument:
			'Council Regulation (EC) No 539/2001 of 15 March 2001 listing the third countries whose nationals must be in possession of visas when crossing the external borders and those whose nationals are exempt from that requirement',
		celex: '32001R0539',
		aligned:
			'The national visa regime is brought into line with Annexes I and II of Regulation 539/2001, as amended, under a timetable adopted by the government, so that by accession nationals of all Annex I countries require a visa and exemptions are limited to Annex II countries. Changes to the national list are adopted by government decision, published, and communicated to consular posts, the border police and carriers before they take effect.',
		indicators: [
			'Number of divergences between the national visa list and Annexes I and II, reported annually',
			'Timetable for introducing visas for the remaining Annex I nationals adopted by the government',
			'Visa-list amendments notified to consular posts and border crossing points before entry into force'
		]
	},
	{
		code: 'VIS-02',
		module: 'visa',
		title: 'Uniform format for visas',
		instrument: 'Council Regulation (EC) No 1683/95 of 29 May 1995 laying down a uniform format for visas',
		celex: '31995R1683',
		aligned:
			'The national visa sticker follows the specifications of Regulation 1683/95, as amended by Regulation (EC) No 334/2002, including an integrated photograph produced to high security standards and a machine-readable zone, and is printed only by a designated security printer. Blank stickers are registered by serial number, distributed to consular posts and border crossing points under a controlled procedure and kept in safes, and losses or thefts are reported at once.',
		indicators: [
			'Visa sticker with security features and machine-readable zone equivalent to the uniform format in use at all posts',
			'Share of visas issued with an integrated photograph',
			'Number of lost or stolen blank stickers reported, with serial numbers circulated',
			'Annual stock reconciliation of blank stickers at every consular post'
		]
	},
	{
		code: 'VIS-03',
		module: 'visa',
		title: 'Separate form for affixing visas',
		instrument:
			'Council Regulation (EC) No 333/2002 of 18 February 2002 on a uniform format for forms for affixing the visa issued by Member States to persons holding travel documents not recognised by the Member State drawing up the form',
		celex: '32002R0333',
		aligned:
			'A visa for the holder of a travel document that the State does not recognise is affixed to a separate form meeting the specifications and security features of Regulation 333/2002, not to the document itself. The list of non-recognised travel documents is maintained and shared with consular posts and the border police, and every form issued is recorded in the visa register.',
		indicators: [
			'Separate form to the uniform specifications introduced at all consular posts',
			'Published list of non-recognised travel documents, updated at least once a year',
			'Number of forms issued, recorded in the visa register'
		]
	},
	{
		code: 'VIS-04',
		module: 'visa',
		title: 'Consular procedure for issuing visas',
		instrument:
			'Common Consular Instructions on visas for the diplomatic missions and consular posts (OJ C 310, 19.12.2003, p. 1)',
		celex: null,
		aligned:
			'Visa types, validity and number of entries are defined in law, and consular procedure follows the Common Consular Instructions: a harmonised application form, personal appearance where required, verification of the travel document, purpose of journey, means of subsistence and travel medical insurance, and consultation of the alert list and central authorities before issue. Decisions are taken by trained consular staff using a written manual, fees are harmonised, and posts take part in local consular cooperation with Member States’ missions.',
		indicators: [
			'Consular manual based on the Common Consular Instructions adopted and distributed to all posts',
			'Share of consular staff trained in document examination and risk assessment',
			'Numbers of visa applications, issues and refusals recorded per post and published annually',
			'On-line consultation of the national alert list available at every consular post'
		]
	},
	{
		code: 'VIS-05',
		module: 'visa',
		title: 'Border checks and surveillance (Schengen Borders Code)',
		instrument:
			'Regulation (EC) No 562/2006 of the European Parliament and of the Council of 15 March 2006 establishing a Community Code on the rules governing the movement of persons across borders (Schengen Borders Code)',
		celex: '32006R0562',
		aligned:
			'Border control law lays down the entry conditions of Article 5, a minimum check on persons enjoying the Community right of free movement and a thorough check on third-country nationals at entry and exit, with systematic stamping of their travel documents (Articles 7 and 10). Entry is refused only by a substantiated decision on the standard form stating reasons, with a right of appeal (Article 13). Border surveillance between crossing points is carried out by a professional border police with stationary and mobile units (Article 12), under a national integrated border management strategy.',
		indicators: [
			'Share of border crossing points with on-line access to national and Interpol databases',
			'Number of refusals of entry issued on the standard form with reasons stated',
			'Share of border guard posts staffed by professional, trained border police officers',
			'Integrated border management strategy and action plan adopted, consistent with the EU guidelines for integrated border management in the Western Balkans'
		]
	},
	{
		code: 'VIS-06',
		module: 'visa',
		title: 'Carriers’ liability and sanctions',
		instrument:
			'Council Directive 2001/51/EC of 28 June 2001 supplementing the provisions of Article 26 of the Convention implementing the Schengen Agreement of 14 June 1985',
		celex: '32001L0051',
		aligned:
			'Carriers transporting third-country nationals by air, sea or coach are obliged to ensure that passengers hold the required travel documents and visas and to return, or bear the costs of returning, those refused entry (Article 26 of the Schengen Convention and Articles 2–3 of the Directive). Penalties are dissuasive, effective and proportionate, with a maximum of not less than EUR 5 000 or a minimum of not less than EUR 3 000 per person carried, or a lump sum of not less than EUR 500 000 per infringement (Article 4), without prejudice to protection obligations towards refugees. Carriers have the right of defence and appeal (Article 5).',
		indicators: [
			'Penalty levels in the aliens law at or above the thresholds of Article 4',
			'Number of penalty proceedings against carriers initiated, and fines collected, per year',
			'Memoranda of understanding with airlines and coach operators, including document-checking training',
			'Share of persons refused entry who are returned by the carrier'
		]
	},
	{
		code: 'VIS-07',
		module: 'visa',
		title: 'Advance passenger information',
		instrument:
			'Council Directive 2004/82/EC of 29 April 2004 on the obligation of carriers to communicate passenger data',
		celex: '32004L0082',
		aligned:
			'Air carriers are obliged, at the request of the border authority, to transmit by the end of check-in the data listed in Article 3(2): number and type of travel document, nationality, full name, date of birth, border crossing point of entry, transport code, departure and arrival times, total number of passengers and initial point of embarkation. The border police use the data for border control and delete them within 24 hours unless needed for statutory purposes, in line with data protection law, and carriers that fail to transmit data or transmit incomplete or false data face dissuasive financial penalties (Articles 4 and 6).',
		indicators: [
			'Legal basis for advance passenger information, with penalties, in the border control law',
			'Share of inbound flights on high-risk routes for which data are received before arrival',
			'Deletion of data within 24 hours verified by the data protection authority'
		]
	},
	{
		code: 'VIS-08',
		module: 'visa',
		title: 'Security features and biometrics in passports',
		instrument:
			'Council Regulation (EC) No 2252/2004 of 13 December 2004 on standards for security features and biometrics in passports and travel documents issued by Member States',
		celex: '32004R2252',
		aligned:
			'National passports and travel documents meet the minimum security standards in the Annex to Regulation 2252/2004 and ICAO Document 9303, and carry a contactless storage medium holding the facial image, with fingerprints to follow, in interoperable formats. Personalisation is centralised, the applicant’s identity and breeder documents are verified against civil registers before issue, and a register of issued, lost and stolen documents is kept and shared with Interpol.',
		indicators: [
			'Date of first issue of passports with a contactless chip holding the facial image',
			'Share of passports personalised centrally',
			'Lost and stolen passport data sent to the Interpol database, with average time from report to upload',
			'Civil registration and identity verification procedures reviewed against breeder-document fraud'
		]
	},
	{
		code: 'VIS-09',
		module: 'visa',
		title: 'Visa information system',
		instrument: 'Council Decision 2004/512/EC of 8 June 2004 establishing the Visa Information System (VIS)',
		celex: '32004D0512',
		aligned:
			'A national visa information system records every visa application, issue, refusal, annulment and extension electronically, with the applicant’s photograph and, in time, fingerprints, and connects consular posts, the central visa authority and border crossing points on-line. Its data structure and interfaces are designed for compatibility with the central VIS, and access, retention and use of the data are governed by data protection law.',
		indicators: [
			'Share of consular posts connected on-line to the central national visa database',
			'Share of border crossing points able to verify visas against the database in real time',
			'Data protection rules on visa data adopted, with retention periods and access rights',
			'Feasibility study for biometric capture at consular posts completed'
		]
	},
	{
		code: 'VIS-10',
		module: 'visa',
		title: 'Immigration liaison officers',
		instrument:
			'Council Regulation (EC) No 377/2004 of 19 February 2004 on the creation of an immigration liaison officers network',
		celex: '32004R0377',
		aligned:
			'Immigration liaison officers are posted to the main countries of origin and transit with the tasks set out in Article 2: gathering information on irregular migration flows and routes, facilitation methods, document forgery and return, and helping to establish the identity of third-country nationals. They take part in local networks with Member States’ liaison officers, report regularly to a central analysis unit, and their findings feed risk analysis used by consular posts and the border police.',
		indicators: [
			'Number of liaison officers posted, and countries covered',
			'Participation in local liaison officer networks documented in meeting reports',
			'Risk analysis products disseminated to consular posts and border crossing points at a fixed frequency'
		]
	}
];
