package com.appgain.examples.example;

import java.util.Map;
import java.util.regex.Pattern;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.PageRequest;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The query parameters of {@code GET /api/examples}, checked: a bad value is the client's
 * 400, never a 500 and never part of a MongoDB operator.
 *
 * @param page the page and its size
 * @param status only examples in this state, or all when {@code null}
 * @param search case-insensitive text to find in name or description, or {@code null}
 * @param sort the order of the results
 */
record ExampleQuery(PageRequest page, ExampleStatus status, String search, Sort sort) {

	static final int MAX_SEARCH_LENGTH = 100;

	static final String DEFAULT_SORT = "-created_at";

	// Only fields with an index behind them (see ExampleIndexes); _id makes every order
	// total, so pages never overlap or skip documents.
	private static final Map<String, String> SORTABLE = Map.of("created_at", "createdAt", "updated_at", "updatedAt",
			"name", "name");

	static ExampleQuery of(String page, String limit, String status, String search, String sort) {
		return new ExampleQuery(PageRequest.of(page, limit),
				hasText(status) ? ExampleStatus.fromParameter(status) : null, searchText(search),
				sortOf(hasText(sort) ? sort : DEFAULT_SORT));
	}

	/** The filter: status and search, without paging. */
	Query filter() {
		Criteria criteria = new Criteria();
		if (this.status != null) {
			criteria.and("status").is(this.status.value());
		}
		if (this.search != null) {
			// Pattern.quote: the user's text is matched literally, never run as a regex.
			String literal = Pattern.quote(this.search);
			criteria.orOperator(Criteria.where("name").regex(literal, "i"),
					Criteria.where("description").regex(literal, "i"));
		}
		return Query.query(criteria);
	}

	/** The filter with order, skip and limit of the requested page. */
	Query pageQuery() {
		return filter().with(this.sort).skip(this.page.skip()).limit(this.page.limit());
	}

	private static String searchText(String search) {
		if (!hasText(search)) {
			return null;
		}
		if (search.length() > MAX_SEARCH_LENGTH) {
			throw ApiException.badRequest("Parameter 'search' must be at most " + MAX_SEARCH_LENGTH + " characters");
		}
		return search;
	}

	private static Sort sortOf(String value) {
		Direction direction = value.startsWith("-") ? Direction.DESC : Direction.ASC;
		String property = SORTABLE.get(value.startsWith("-") ? value.substring(1) : value);
		if (property == null) {
			throw ApiException.badRequest("Parameter 'sort' must be one of created_at, -created_at, updated_at, "
					+ "-updated_at, name, -name");
		}
		return Sort.by(direction, property).and(Sort.by(direction, "id"));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
