/**
 * The Salesforce REST client: OAuth2 sessions, SOQL paging and keyed re-queries, the API budget, composite writes,
 * error mapping and SOQL literal escaping. One {@link dev.seatkeeper.salesforce.SalesforceClient} per profile, built by
 * {@link dev.seatkeeper.salesforce.SalesforceClientFactory}.
 */
@NullMarked
package dev.seatkeeper.salesforce;

import org.jspecify.annotations.NullMarked;
