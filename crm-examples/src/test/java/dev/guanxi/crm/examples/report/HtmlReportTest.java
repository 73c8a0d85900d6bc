package dev.guanxi.crm.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.Crm;
import dev.guanxi.crm.TenantCrm;
import dev.guanxi.crm.classification.WinBackCandidate;
import dev.guanxi.crm.customer.Customer;
import dev.guanxi.crm.customer.CustomerQuery;
import dev.guanxi.crm.lifecycle.StageFlow;
import dev.guanxi.crm.query.Page;
import dev.guanxi.crm.query.PageRequest;
import dev.guanxi.crm.spi.storage.ScoreSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private static final int CUSTOMERS = 300;
    private static Crm crm;
    private static TenantCrm shop;
    private static String html;
    private static Document doc;
    private static List<ScoreSnapshot> snapshots;

    @BeforeAll
    static void load() throws Exception {
        crm = Crm.builder()
                .clock(Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC))
                .build();
        shop = crm.tenant("report-test");
        ReportFixture.load(shop, ReportFixture.synthetic(CUSTOMERS, 11), 11);
        html = HtmlReport.render(shop, ReportFixture.AS_OF, ReportFixture.USD);
        doc = parse(html);
        snapshots = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Customer> p = shop.customers().query(CustomerQuery.all(), page);
            p.items().forEach(c -> shop.scoring().snapshot(c.id()).ifPresent(snapshots::add));
            if (p.nextRequest().isEmpty()) {
                break;
            }
            page = p.nextRequest().get();
        }
    }

    @AfterAll
    static void close() {
        crm.close();
    }

    static Document parse(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static List<Element> withClass(Element root, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The count at the end of a bar's or cell's tooltip ("...: 1,234" or "..., 12 customers"). */
    private static long tipCount(Element rect) {
        String tip = rect.getElementsByTagName("title").item(0).getTextContent();
        Matcher m = Pattern.compile("([0-9,]+)( customers)?$").matcher(tip);
        assertThat(m.find()).as(tip).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static long sumOfBars(String svgId) {
        return withClass(byId(svgId), "rect", "bar").stream()
                .mapToLong(HtmlReportTest::tipCount)
                .sum();
    }

    private static long snapshotsWith(String metricOrLabel) {
        return snapshots.stream()
                .filter(s -> s.metric(metricOrLabel) != null || s.label(metricOrLabel) != null)
                .count();
    }

    @Test
    @DisplayName("the report is one well-formed document with one html element and every section's heading")
    void structure() {
        assertThat(doc.getElementsByTagName("html").getLength()).isEqualTo(1);
        assertThat(Pattern.compile("<html[ >]").matcher(html).results().count()).isEqualTo(1);
        NodeList h2 = doc.getElementsByTagName("h2");
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < h2.getLength(); i++) {
            headings.add(h2.item(i).getTextContent());
        }
        assertThat(headings)
                .containsExactly(
                        "Customer value: the 80/20 curve",
                        "RFM segment map",
                        "Lifecycle funnel and stage flow",
                        "P(alive) and customer lifetime value",
                        "Credit grades",
                        "Top win-back customers",
                        "Statistics by region and by owner");
        int svgs = doc.getElementsByTagName("svg").getLength();
        assertThat(svgs).isEqualTo(6); // pareto, rfm map, funnel, two histograms, credit
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("class=\"missing\"");
    }

    @Test
    @DisplayName("the Pareto curve has one point per graded customer plus the origin, and the grade table adds up")
    void pareto() {
        long graded = snapshotsWith("abc.cumulativeShare");
        assertThat(graded).isEqualTo(CUSTOMERS);
        Element curve = withClass(byId("pareto"), "polyline", "curve").get(0);
        int points = curve.getAttribute("points").trim().split(" ").length;
        assertThat(points).isEqualTo(CUSTOMERS + 1);
        assertThat(withClass(byId("pareto"), "g", "cutoff")).hasSize(2);
        long key = snapshots.stream().filter(s -> "KEY".equals(s.label("abc"))).count();
        Element table =
                withClass((Element) doc.getDocumentElement(), "table", "grades").get(0);
        NodeList rows = table.getElementsByTagName("tbody").item(0).getChildNodes();
        long sum = 0;
        String keyCount = null;
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element row) {
                String cell = row.getElementsByTagName("td").item(1).getTextContent();
                keyCount = keyCount == null ? cell : keyCount;
                sum += Long.parseLong(cell.replace(",", ""));
            }
        }
        assertThat(sum).isEqualTo(CUSTOMERS);
        assertThat(keyCount).isEqualTo(String.valueOf(key));
    }

    @Test
    @DisplayName("the RFM map has 25 cells whose counts add up to the customers with R and F scores")
    void rfm() {
        List<Element> cells = withClass(byId("rfm-map"), "rect", "cell");
        assertThat(cells).hasSize(25);
        long sum = cells.stream().mapToLong(HtmlReportTest::tipCount).sum();
        long withScores = snapshots.stream()
                .filter(s -> s.metric("rfm.r") != null && s.metric("rfm.r").intValue() >= 1)
                .count();
        assertThat(sum).isEqualTo(withScores).isPositive();
    }

    @Test
    @DisplayName("the funnel has a bar per lifecycle stage, adding up to the customers with a stage")
    void lifecycle() {
        List<Element> bars = withClass(byId("lifecycle-funnel"), "rect", "bar");
        assertThat(bars).hasSize(dev.guanxi.crm.lifecycle.LifecycleStage.values().length);
        assertThat(sumOfBars("lifecycle-funnel"))
                .isEqualTo(snapshotsWith("lifecycle"))
                .isEqualTo(CUSTOMERS);
        StageFlow flow = shop.lifecycle().flow(ReportFixture.AS_OF.minusYears(1).plusDays(1), ReportFixture.AS_OF);
        long moves = flow.moves().stream().mapToLong(StageFlow.Move::count).sum();
        long cells = withClass(byId("stage-flow"), "td", "flow-cell").stream()
                .map(Element::getTextContent)
                .filter(t -> !t.isEmpty())
                .mapToLong(t -> Long.parseLong(t.replace(",", "")))
                .sum();
        assertThat(cells).isEqualTo(moves).isGreaterThan(CUSTOMERS); // first placements plus moves of the 2nd run
    }

    @Test
    @DisplayName("the P(alive) and CLV histograms have 20 bins whose counts add up to the scored customers")
    void histograms() {
        assertThat(withClass(byId("hist-palive"), "rect", "bar")).hasSize(20);
        assertThat(withClass(byId("hist-clv"), "rect", "bar")).hasSize(20);
        assertThat(sumOfBars("hist-palive"))
                .isEqualTo(snapshotsWith("model.pAlive"))
                .isEqualTo(CUSTOMERS);
        assertThat(sumOfBars("hist-clv")).isEqualTo(snapshotsWith("model.clv")).isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("the credit chart has a bar per grade found, adding up to the customers with a credit grade")
    void credit() {
        long grades = snapshots.stream().map(s -> s.label("credit")).distinct().count();
        assertThat(withClass(byId("credit-grades"), "rect", "bar")).hasSize((int) grades);
        assertThat(sumOfBars("credit-grades"))
                .isEqualTo(snapshotsWith("credit"))
                .isEqualTo(CUSTOMERS);
    }

    @Test
    @DisplayName("the win-back table lists the SDK's win-back list in order, with reasons")
    void winBack() {
        List<WinBackCandidate> list = shop.scoring().winBackList(HtmlReport.WIN_BACK_ROWS);
        assertThat(list).isNotEmpty();
        NodeList rows =
                byId("winback-table").getElementsByTagName("tbody").item(0).getChildNodes();
        List<String> names = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element row) {
                names.add(row.getElementsByTagName("td").item(1).getTextContent());
                reasons.add(row.getElementsByTagName("td").item(6).getTextContent());
            }
        }
        assertThat(names)
                .containsExactlyElementsOf(
                        list.stream().map(WinBackCandidate::displayName).toList());
        assertThat(reasons)
                .containsExactlyElementsOf(
                        list.stream().map(WinBackCandidate::reason).toList());
    }

    @Test
    @DisplayName("the region and owner tables count every customer once and the key customers of the grading")
    void statistics() {
        for (String id : List.of("by-region", "by-owner")) {
            NodeList rows = byId(id).getElementsByTagName("tbody").item(0).getChildNodes();
            long customers = 0;
            long key = 0;
            for (int i = 0; i < rows.getLength(); i++) {
                if (rows.item(i) instanceof Element row) {
                    NodeList td = row.getElementsByTagName("td");
                    customers += Long.parseLong(td.item(1).getTextContent().replace(",", ""));
                    key += Long.parseLong(td.item(4).getTextContent().replace(",", ""));
                }
            }
            long keyCustomers =
                    snapshots.stream().filter(s -> "KEY".equals(s.label("abc"))).count();
            assertThat(customers).as(id).isEqualTo(CUSTOMERS);
            assertThat(key).as(id).isEqualTo(keyCustomers).isPositive();
        }
        assertThat(byId("by-region").getTextContent()).contains("华东 East China (CN-EAST)");
    }

    @Test
    @DisplayName("nothing is loaded over the network: no http(s) src or href, the only URL is the SVG namespace")
    void selfContained() {
        assertThat(Pattern.compile("(src|href)\\s*=\\s*\"(?!#)").matcher(html).find())
                .isFalse();
        List<String> urls = Pattern.compile("https?://[^\"'\\s)]*")
                .matcher(html)
                .results()
                .map(m -> m.group())
                .distinct()
                .toList();
        assertThat(urls).containsExactly("http://www.w3.org/2000/svg");
        assertThat(html).doesNotContain("@import", "url(");
    }

    @Test
    @DisplayName("text is escaped: the customer named <b>&\"x and the region Europe & <UK> appear escaped")
    void escaped() {
        List<String> names = shop.scoring().winBackList(HtmlReport.WIN_BACK_ROWS).stream()
                .map(WinBackCandidate::displayName)
                .toList();
        assertThat(names).contains(ReportFixture.TRICKY_NAME);
        assertThat(html).contains("&lt;b&gt;&amp;&quot;x").doesNotContain("<b>", "&\"x", "<UK>");
        assertThat(html).contains("Europe &amp; &lt;UK&gt;");
        assertThat(byId("winback-table").getTextContent()).contains(ReportFixture.TRICKY_NAME);
    }

    @Test
    @DisplayName("a tenant without customers gets a well-formed report that says what is missing")
    void empty(@TempDir Path dir) throws Exception {
        Path out = HtmlReport.write(crm.tenant("nobody"), ReportFixture.AS_OF, dir.resolve("empty.html"));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Document empty = parse(text);
        assertThat(empty.getElementsByTagName("h2").getLength()).isEqualTo(7);
        assertThat(empty.getElementsByTagName("svg").getLength()).isZero();
        assertThat(text).contains("No 80/20 grades in the score snapshots", "Nobody on the win-back list");
    }

    @Test
    @DisplayName("Html.esc replaces the five XML specials and leaves Chinese text alone")
    void escape() {
        // each special character by its reference; 王伟 unchanged
        assertThat(Html.esc("<b>&\"x' 王伟")).isEqualTo("&lt;b&gt;&amp;&quot;x&#39; 王伟");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.humanize("POTENTIAL_LOYALIST")).isEqualTo("Potential loyalist");
    }

    @Test
    @DisplayName("a single graded customer gives a two-point curve")
    void oneCustomer() throws Exception {
        try (Crm one = Crm.builder()
                .clock(Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC))
                .build()) {
            TenantCrm t = one.tenant("one");
            ReportFixture.load(t, ReportFixture.synthetic(1, 5), 5);
            Document d = parse(HtmlReport.render(t, ReportFixture.AS_OF, ReportFixture.USD));
            NodeList lines = d.getElementsByTagName("polyline");
            assertThat(lines.getLength()).isEqualTo(1);
            String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
            assertThat(points).hasSize(2);
        }
    }
}
