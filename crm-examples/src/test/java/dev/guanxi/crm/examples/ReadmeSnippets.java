package dev.guanxi.crm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Java code blocks of README.md and the tagged regions of example sources, for comparison. */
final class ReadmeSnippets {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ReadmeSnippets() {}

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        // the root holds README.md and the module directories (crm-examples has a README.md of its own)
        while (dir != null
                && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("crm-examples")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "README.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every ```java block of README.md, normalised. */
    static List<String> readmeJavaBlocks() throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(normalise(m.group(1)));
        }
        return blocks;
    }

    /** The lines between {@code // tag::NAME[]} and {@code // end::NAME[]} of a source file, normalised. */
    static String taggedRegion(String relativeSource, String tag) throws IOException {
        String source = Files.readString(projectRoot().resolve(relativeSource), StandardCharsets.UTF_8);
        String start = "// tag::" + tag + "[]";
        String end = "// end::" + tag + "[]";
        int from = source.indexOf(start);
        int to = source.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("no region " + tag + " in " + relativeSource);
        }
        return normalise(source.substring(source.indexOf('\n', from) + 1, source.lastIndexOf('\n', to)));
    }

    /** Strips common indentation and trailing white space, so formatting differences do not count. */
    static String normalise(String code) {
        List<String> lines =
                new ArrayList<>(code.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream()
                        .map(l -> l.length() >= indent ? l.substring(indent) : l)
                        .toList());
    }
}
