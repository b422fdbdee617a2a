package com.appgain.devstack;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with stored documents that never change once stored.
 * <p>
 * The server encodes a reply after the collection's lock is released, and its updates
 * change the stored document in place. A reply encoded while another request updates the
 * same document could fail ({@code ConcurrentModificationException}, which a client sees
 * as a broken connection) or carry half of each version. Here an update changes a copy of
 * the document, taken under the lock, and stores the copy in its place; a reply keeps the
 * version it was given.
 *
 * @author AppGain
 */
public class SnapshotH2Backend extends H2Backend {

	/**
	 * Open the backend on a store.
	 * @param store the H2 MVStore, in memory or in a file
	 */
	public SnapshotH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new SnapshotDatabase(databaseName);
	}

	// An inner class because H2Database's constructor opens collections before a subclass
	// could set a field: the store is reached through the enclosing backend instead.
	private final class SnapshotDatabase extends H2Database {

		// H2Database's names for a collection's maps (its constants are not public)
		private static final String DATA_PREFIX = "databases.";

		private static final String META_PREFIX = "meta.";

		SnapshotDatabase(String databaseName) {
			super(databaseName, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(collectionName);
			MVStore store = getMvStore();
			return new SnapshotCollection(this, collectionName, options, store.openMap(DATA_PREFIX + namespace),
					store.openMap(META_PREFIX + namespace), this.cursorRegistry);
		}

	}

	private static final class SnapshotCollection extends H2Collection {

		// guarded by this: every update runs in one of the two synchronized methods below
		private boolean updating;

		SnapshotCollection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
				boolean isMulti, boolean isUpsert, Oplog oplog) {
			this.updating = true;
			try {
				return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
			}
			finally {
				this.updating = false;
			}
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			this.updating = true;
			try {
				return super.findAndModify(query);
			}
			finally {
				this.updating = false;
			}
		}

		// An update finds its documents through here and then changes what it found;
		// reads get the stored documents themselves, which nothing changes any more.
		@Override
		protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
			if (!this.updating) {
				return super.createQueryResult(matchedDocuments, batchSize);
			}
			List<Document> copies = new ArrayList<>(matchedDocuments.size());
			for (Document document : matchedDocuments) {
				copies.add(document.cloneDeeply());
			}
			return super.createQueryResult(copies, batchSize);
		}

	}

}
