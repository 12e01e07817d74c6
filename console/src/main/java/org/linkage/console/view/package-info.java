/**
 * The services' answers as the console reads and shows them: one record per shape, named for what it is, with the
 * services' JSON field names (contracts, see CONTRIBUTING). Each record lists the fields the console uses and ignores
 * the rest, so a service adding a field needs no change here. Times stay the ISO strings the services send, so the
 * pages format them exactly as before ({@code fmt:time}).
 */
package org.linkage.console.view;
