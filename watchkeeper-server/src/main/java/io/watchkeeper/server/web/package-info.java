/**
 * The HTTP side: {@link io.watchkeeper.server.web.WebServer} (Javalin) serves the REST API, the live event
 * stream fed by {@link io.watchkeeper.server.web.EventHub}, {@code /health}, {@code /metrics} and the
 * dashboard, reading everything from one {@link io.watchkeeper.server.web.WebServices} record.
 */
package io.watchkeeper.server.web;
