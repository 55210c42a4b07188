package io.hookyard.console.web;

import java.util.List;

/**
 * Who is signed in, as the pages show it. {@code canWrite} only decides which buttons are enabled:
 * the APIs check every call with the user's own token whatever the page shows.
 */
public record Viewer(String name, String role, boolean canWrite, List<String> tenants) {}
