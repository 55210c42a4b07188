package io.hookyard.console.web;

/**
 * What the layout needs for every page: its title, the tenant, which section of the navigation is
 * current, who is signed in, and a notice to show once (after a replay, a rotation...).
 */
public record Page(String title, String tenant, String section, Viewer viewer, String notice) {

  public Page withNotice(String text) {
    return new Page(title, tenant, section, viewer, text);
  }

  public String base() {
    return "/console/" + tenant;
  }
}
