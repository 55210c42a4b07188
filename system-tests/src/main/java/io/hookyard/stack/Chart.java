package io.hookyard.stack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG of a benchmark's figures over time: panels stacked one above the other, each with a few
 * named series against seconds. Drawn with the JDK's own 2D graphics, so benchmarks need nothing
 * installed to chart their runs.
 */
public final class Chart {
  private static final int WIDTH = 1000;
  private static final int PANEL_HEIGHT = 260;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int BOTTOM = 30;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e)
  };

  /** One panel: a title, a unit for the axis, and series of (second, value) points by name. */
  public static final class Panel {
    final String title;
    final String unit;
    final Map<String, List<double[]>> series = new LinkedHashMap<>();

    public Panel(String title, String unit) {
      this.title = title;
      this.unit = unit;
    }

    public Panel add(String name, double second, double value) {
      if (!Double.isNaN(value)) {
        series.computeIfAbsent(name, key -> new ArrayList<>()).add(new double[] {second, value});
      }
      return this;
    }
  }

  private Chart() {}

  public static void write(Path file, String title, List<Panel> panels) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int height = TOP + panels.size() * PANEL_HEIGHT;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 20);
    for (int i = 0; i < panels.size(); i++) {
      draw(g, panels.get(i), TOP + i * PANEL_HEIGHT);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void draw(Graphics2D g, Panel panel, int top) {
    int plotTop = top + TOP;
    int plotHeight = PANEL_HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;
    double maxX = 1;
    double maxY = 0;
    for (List<double[]> points : panel.series.values()) {
      for (double[] point : points) {
        maxX = Math.max(maxX, point[0]);
        maxY = Math.max(maxY, point[1]);
      }
    }
    maxY = maxY <= 0 ? 1 : maxY * 1.1;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawString(panel.title + " (" + panel.unit + ")", LEFT, plotTop - 8);
    g.setColor(new Color(0xdddddd));
    for (int tick = 0; tick <= 4; tick++) {
      int y = plotTop + plotHeight - tick * plotHeight / 4;
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(LEFT, plotTop, plotWidth, plotHeight);
    for (int tick = 0; tick <= 4; tick++) {
      int y = plotTop + plotHeight - tick * plotHeight / 4;
      g.drawString(format(maxY * tick / 4), 5, y + 4);
      int x = LEFT + tick * plotWidth / 4;
      g.drawString(format(maxX * tick / 4) + " s", x - 10, plotTop + plotHeight + 16);
    }
    int legendX = LEFT + plotWidth - 220;
    int index = 0;
    for (Map.Entry<String, List<double[]>> entry : panel.series.entrySet()) {
      Color color = COLORS[index % COLORS.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(1.5f));
      int[] xs = new int[entry.getValue().size()];
      int[] ys = new int[entry.getValue().size()];
      for (int i = 0; i < xs.length; i++) {
        double[] point = entry.getValue().get(i);
        xs[i] = LEFT + (int) (point[0] / maxX * plotWidth);
        ys[i] = plotTop + plotHeight - (int) (point[1] / maxY * plotHeight);
      }
      g.drawPolyline(xs, ys, xs.length);
      g.drawString(entry.getKey(), legendX, plotTop + 16 + index * 15);
      index++;
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static String format(double value) {
    return value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
