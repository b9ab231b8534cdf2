package org.lettersvisits.platform.benchmark;

/** How fast one consumer applied a backlog: events applied and events per second from its first to its last. */
public record Drain(String service, String consumer, long events, double perSecond) {
}
