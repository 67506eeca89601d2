package org.caart.feed.entity;

/** What a syslog destination receives as each message's text: ArcSight CEF or one OCSF JSON object. */
public enum Payload {
    CEF, JSON
}
