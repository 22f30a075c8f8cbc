import type { Annotation } from './annotations';

/**
 * Benchmark links as a W3C Web Annotation collection (JSON-LD): the passage as a
 * TextQuoteSelector on the strategy, the benchmark as a classifying body, the assessment and
 * the note as textual bodies. Orphaned links keep their last known quote.
 */
export function toWebAnnotations(origin: string, strategyId: string, annotations: Annotation[]) {
	const strategy = `${origin}/strategies/${strategyId}`;
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		id: `${origin}/api/v1/strategies/${strategyId}/annotations?format=w3c`,
		type: 'AnnotationCollection',
		label: `Benchmark annotations of ${strategyId}`,
		total: annotations.length,
		first: {
			type: 'AnnotationPage',
			items: annotations.map((annotation) => ({
				id: `${origin}/api/v1/strategies/${strategyId}/annotations/${annotation.id}`,
				type: 'Annotation',
				motivation: 'assessing',
				created: annotation.createdAt,
				modified: annotation.updatedAt,
				creator: { type: 'Person', name: annotation.createdBy.name },
				body: [
					{
						type: 'SpecificResource',
						purpose: 'classifying',
						source: `${origin}/benchmarks#${annotation.benchmark.code}`,
						label: `${annotation.benchmark.code} ${annotation.benchmark.title}`
					},
					{ type: 'TextualBody', purpose: 'assessing', value: annotation.assessment },
					...(annotation.note ? [{ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' }] : [])
				],
				target: {
					source: strategy,
					selector: { type: 'TextQuoteSelector', ...annotation.selector }
				},
				...(annotation.orphaned && { 'acquis:orphaned': true })
			}))
		}
	};
}
