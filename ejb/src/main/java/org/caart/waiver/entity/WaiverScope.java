package org.caart.waiver.entity;

/** What an exception covers within its policy: one endpoint, the endpoints carrying a tag, or the whole company. */
public enum WaiverScope {
    ENDPOINT, TAG, COMPANY
}
