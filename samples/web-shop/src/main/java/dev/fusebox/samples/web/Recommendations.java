package dev.fusebox.samples.web;

import java.util.List;

/**
 * What the recommendations service suggests, or the fallback's empty list.
 *
 * @param articles the articles to show
 * @param fallback whether the list is the fallback's
 */
public record Recommendations(List<String> articles, boolean fallback) {
}
