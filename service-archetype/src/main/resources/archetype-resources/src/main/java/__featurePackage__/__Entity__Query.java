package ${package}.${featurePackage};

import java.util.regex.Pattern;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.response.PageRequest;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The query parameters of {@code GET /api/${serviceName}}, checked: a bad value is the client's
 * 400, never a 500 and never part of a MongoDB operator.
 *
 * @param page the page and its size
 * @param status only those in this state, or all when {@code null}
 * @param search case-insensitive text to find in name or description, or {@code null}
 */
record ${Entity}Query(PageRequest page, ${Entity}Status status, String search) {

	static final int MAX_SEARCH_LENGTH = 100;

	// Newest first; _id makes the order total, so pages never overlap or skip documents.
	private static final Sort NEWEST_FIRST = Sort.by(Direction.DESC, "createdAt").and(Sort.by(Direction.DESC, "id"));

	static ${Entity}Query of(String page, String limit, String status, String search) {
		return new ${Entity}Query(PageRequest.of(page, limit), hasText(status) ? ${Entity}Status.fromParameter(status) : null,
				searchText(search));
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
		return filter().with(NEWEST_FIRST).skip(this.page.skip()).limit(this.page.limit());
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

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
