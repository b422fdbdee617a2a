package com.appgain.common.api.response;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One page of a list and the {@link Pagination} that describes it: the page and the count
 * of all matches are queried side by side.
 *
 * @param <T> the type of the listed items
 * @param items the items of the requested page
 * @param pagination the page's place among all matches
 */
public record Paged<T>(List<T> items, Pagination pagination) {

	/**
	 * Collects the page and counts the matches.
	 * @param <T> the type of the listed items
	 * @param items the items of the requested page
	 * @param total the count of all matches
	 * @param request the requested page
	 * @return the page with its pagination
	 */
	public static <T> Mono<Paged<T>> of(Flux<T> items, Mono<Long> total, PageRequest request) {
		return Mono.zip(items.collectList(), total)
			.map((result) -> new Paged<>(result.getT1(), Pagination.of(request, result.getT2())));
	}

}
