package dev.guanxi.crm.bench;

import dev.guanxi.crm.customer.ContactPurpose;
import dev.guanxi.crm.customer.CustomerDraft;
import dev.guanxi.crm.customer.PartyKind;
import dev.guanxi.crm.customer.PostalAddress;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded tenant with planted duplicates, for measuring duplicate detection. Originals are persons (Chinese
 * names in Han characters, in pinyin, Western names) and organisations (Chinese and Latin names with legal
 * forms), with e-mail addresses, phone numbers (Chinese mobiles and landlines, some German and US numbers),
 * postal addresses and ERP ids at realistic rates. A share of them get one or two duplicates, each a re-entry of
 * the original with some of: a typo, swapped name order, full-width letters, capitals, another legal form, a
 * space inside a Chinese name, a reformatted phone number, an e-mail address in other case, a reformatted
 * address, a re-typed ERP id; and each contact value is kept only with some probability (a re-entry often
 * lacks the e-mail, or has a new one), so some duplicates share nothing but a name: those a detector cannot,
 * and should not, find from a name alone. Every generated e-mail address is new (a mailbox belongs to one party;
 * shared family or office mailboxes are not modelled), phone numbers are drawn from 10^9 and more values.
 *
 * <p>A copy of crm-core's test fixture {@code dev.guanxi.crm.stewardship.DuplicateDataset} (crm-bench cannot see
 * crm-core's tests), changed only to stream the rows to a consumer instead of returning a shuffled list.
 *
 * <p>Not thread-safe; a benchmark fixture.
 */
final class DuplicateTenant {
    /** One generated customer: the draft, its cluster (originals and their duplicates share one), its edits. */
    record Row(CustomerDraft draft, int cluster, boolean original, Set<String> variations, Contacts contacts) {}

    /** What the customer holds, to tell which pairs share a contact value. */
    record Contacts(String email, String phoneDigits, String addressKey, String externalId) {}

    static final String[] PINYIN_SURNAMES = {
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
        "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng"
    };
    static final String[] PINYIN_GIVEN = {
        "Fang", "Wei", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Juan", "Tao", "Ming",
        "Chao", "Xiu", "Hua", "Ping", "Gang", "Hui", "Xin", "Yu", "Hong", "Ying", "Bin", "Bo", "Dan", "Fei", "Hao",
        "Kai", "Lan", "Long", "Mei", "Na", "Ning", "Peng", "Qing", "Rui", "Shan"
    };
    static final String HAN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹";
    static final String HAN_GIVEN = "芳伟敏静丽强磊军洋勇艳杰娟涛明超秀华平刚辉鑫宇红英斌波丹飞浩凯兰龙梅娜宁鹏青瑞山建国文志海峰雪琳晨";
    static final String[] WESTERN_FIRST = {
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "David",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy",
        "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Margaret", "Paul", "Sandra", "Steven", "Ashley", "Andrew",
        "Kimberly", "Kenneth", "Emily", "Joshua", "Donna", "Kevin", "Michelle", "Jürgen", "Renée", "José", "Zoë"
    };
    static final String[] WESTERN_LAST = {
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Gonzalez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Perez",
        "Thompson",
        "White",
        "Harris",
        "Sanchez",
        "Clark",
        "Ramirez",
        "Lewis",
        "Robinson",
        "Walker",
        "Young",
        "Allen",
        "King",
        "Wright",
        "Scott",
        "Torres",
        "Nguyen",
        "Hill",
        "Flores",
        "Müller",
        "Schäfer",
        "O'Brien",
        "Núñez"
    };
    static final String[] CITIES_HAN = {"上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "天津", "苏州"};
    static final String[] CITIES = {
        "Shanghai", "Beijing", "Guangzhou", "Shenzhen", "Hangzhou", "Nanjing", "Chengdu", "Wuhan", "Tianjin", "Suzhou"
    };
    static final String CORE_HAN = "华信中大宏达恒通金鼎永盛新元东方博远嘉禾瑞丰天成安泰";
    static final String[] INDUSTRY_HAN = {"贸易", "科技", "电子", "机械", "食品", "物流", "实业", "建设", "医药", "纺织"};
    static final String[] SUFFIX_HAN = {"有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "集团"};
    static final String[] CORE = {
        "Huaxin",
        "Zhongda",
        "Hengtong",
        "Jinding",
        "Yongsheng",
        "Xinyuan",
        "Dongfang",
        "Boyuan",
        "Jiahe",
        "Ruifeng",
        "Tiancheng",
        "Antai",
        "Acme",
        "Northwind",
        "Brightway",
        "Silverline",
        "Bluepeak",
        "Redwood",
        "Greenfield",
        "Ironbridge",
        "Müller",
        "Schäfer",
        "Keller",
        "Lindqvist",
        "Oakridge",
        "Stonegate",
        "Clearwater",
        "Highland",
        "Suntech",
        "Everbright"
    };
    static final String[] INDUSTRY = {
        "Trading",
        "Technology",
        "Electronics",
        "Machinery",
        "Foods",
        "Logistics",
        "Industrial",
        "Construction",
        "Pharma",
        "Textiles"
    };
    static final String[] SUFFIX = {"Co., Ltd.", "Limited", "Ltd", "Inc.", "GmbH", "LLC", "Corp.", "Group", "Co. Ltd"};
    static final String[] STREETS = {
        "Nanjing", "Huaihai", "Zhongshan", "Renmin", "Jiefang", "Heping", "Xinhua", "Changan", "Jianguo", "Dongfeng",
        "Yanan", "Beijing", "Hubin", "Wenhua", "Xueyuan", "Chaoyang", "Binjiang", "Shennan", "Tianhe", "Guangming"
    };
    static final String[] ROAD = {"Road", "Street", "Avenue", "Lu"};
    static final String[] DOMAINS = {"qq.com", "163.com", "gmail.com", "outlook.com", "example.com", "sina.com"};
    static final String[] AREA_CODES = {"10", "21", "20", "755", "571", "25", "28", "27", "22", "512"};

    private final Random random;
    private int externalIds;
    private final Set<String> retyped = new java.util.HashSet<>();
    private final Set<String> emails = new java.util.HashSet<>();

    private DuplicateTenant(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Generates a tenant, streaming its rows (an original is followed by its duplicates).
     *
     * @param seed the seed
     * @param total how many customers in all, originals and duplicates
     * @param duplicatedShare the share of originals that get one or two duplicates
     * @param sink receives each row
     */
    static void generate(long seed, int total, double duplicatedShare, java.util.function.Consumer<Row> sink) {
        DuplicateTenant d = new DuplicateTenant(seed);
        int produced = 0;
        for (int c = 0; produced < total; c++) {
            Original o = d.original();
            sink.accept(o.row(c));
            produced++;
            if (d.random.nextDouble() < duplicatedShare) {
                int copies = 1 + d.random.nextInt(2);
                for (int k = 0; k < copies && produced < total; k++) {
                    sink.accept(d.duplicate(o, c));
                    produced++;
                }
            }
        }
    }

    /** The values an original was generated from. */
    private record Original(
            PartyKind kind,
            String style,
            String[] nameParts,
            String suffix,
            String email,
            String phone,
            PostalAddress address,
            String externalId) {
        String name() {
            return switch (style) {
                case "han" -> String.join("", nameParts);
                case "hanOrg" -> String.join("", nameParts) + suffix;
                case "org" -> String.join(" ", nameParts) + " " + suffix;
                default -> String.join(" ", nameParts);
            };
        }

        Row row(int cluster) {
            return new Row(
                    draft(kind, name(), email, phone, address, externalId),
                    cluster,
                    true,
                    Set.of(),
                    new Contacts(
                            email == null ? null : email.toLowerCase(Locale.ROOT),
                            phone == null ? null : lastDigits(phone),
                            address == null ? null : addressKey(address),
                            externalId));
        }
    }

    static String lastDigits(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.substring(Math.max(0, digits.length() - 8));
    }

    static String addressKey(PostalAddress a) {
        return a.postalCode().replace(" ", "") + "|"
                + a.lines().get(0).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\u4e00-\u9fff]", "");
    }

    private static CustomerDraft draft(
            PartyKind kind, String name, String email, String phone, PostalAddress address, String externalId) {
        CustomerDraft.Builder b =
                kind == PartyKind.PERSON ? CustomerDraft.person(name) : CustomerDraft.organisation(name);
        if (email != null) {
            b.email(email, ContactPurpose.WORK);
        }
        if (phone != null) {
            b.phone(phone, ContactPurpose.WORK);
        }
        if (address != null) {
            b.postalAddress(address, ContactPurpose.BILLING);
        }
        return b.externalId(externalId).build();
    }

    private Original original() {
        double r = random.nextDouble();
        PartyKind kind = r < 0.75 ? PartyKind.PERSON : PartyKind.ORGANISATION;
        String style;
        String[] parts;
        String suffix = null;
        if (kind == PartyKind.PERSON) {
            double s = random.nextDouble();
            if (s < 0.4) {
                style = "han";
                parts = new String[] {pickChar(HAN_SURNAMES), hanGiven()};
            } else if (s < 0.7) {
                style = "pinyin";
                parts = new String[] {pick(PINYIN_SURNAMES), pinyinGiven()};
            } else {
                style = "western";
                parts = new String[] {pick(WESTERN_FIRST), pick(WESTERN_LAST)};
            }
        } else if (random.nextBoolean()) {
            style = "hanOrg";
            parts = new String[] {pick(CITIES_HAN), pickChar(CORE_HAN) + pickChar(CORE_HAN), pick(INDUSTRY_HAN)};
            suffix = pick(SUFFIX_HAN);
        } else {
            style = "org";
            parts = random.nextBoolean()
                    ? new String[] {pick(CITIES), pick(CORE), pick(INDUSTRY)}
                    : new String[] {pick(CORE), pick(INDUSTRY)};
            suffix = pick(SUFFIX);
        }
        String email = random.nextDouble() < 0.85 ? uniqueEmail(style, parts) : null;
        String phone = random.nextDouble() < 0.9 ? phone(kind) : null;
        PostalAddress address = random.nextDouble() < 0.5 ? address() : null;
        String externalId = random.nextDouble() < 0.3 ? String.format(Locale.ROOT, "ERP-%06d", ++externalIds) : null;
        return new Original(kind, style, parts, suffix, email, phone, address, externalId);
    }

    private Row duplicate(Original o, int cluster) {
        Set<String> tags = new TreeSet<>();
        String name = duplicateName(o, tags);
        String email = null;
        String emailKey = null;
        if (o.email() != null && random.nextDouble() < 0.85) {
            email = o.email();
            if (random.nextBoolean()) {
                email = random.nextBoolean() ? email.toUpperCase(Locale.ROOT) : capitalise(email);
                tags.add("emailCase");
            }
            emailKey = o.email().toLowerCase(Locale.ROOT);
        } else if (random.nextBoolean()) {
            email = uniqueEmail(o.style(), o.nameParts());
            emailKey = email.toLowerCase(Locale.ROOT);
        }
        String phone = null;
        if (o.phone() != null && random.nextDouble() < 0.85) {
            phone = o.phone();
            if (random.nextDouble() < 0.7) {
                phone = reformat(phone);
                tags.add("phoneFormat");
            }
        } else if (random.nextDouble() < 0.4) {
            phone = phone(o.kind());
        }
        PostalAddress address = null;
        if (o.address() != null && random.nextDouble() < 0.6) {
            address = o.address();
            if (random.nextBoolean()) {
                address = reformat(address);
                tags.add("addressFormat");
            }
        }
        String externalId = null;
        if (o.externalId() != null && random.nextDouble() < 0.1 && retyped.add(o.externalId())) {
            // external ids are unique per tenant: only one duplicate of an original gets the re-typed id
            externalId = o.externalId().toLowerCase(Locale.ROOT).replace("-", " ");
            tags.add("externalIdRetyped");
        }
        Contacts contacts = new Contacts(
                emailKey,
                phone == null ? null : lastDigits(phone),
                address == null ? null : addressKey(address),
                externalId == null ? null : o.externalId());
        return new Row(draft(o.kind(), name, email, phone, address, externalId), cluster, false, tags, contacts);
    }

    private String duplicateName(Original o, Set<String> tags) {
        String[] parts = o.nameParts().clone();
        String suffix = o.suffix();
        switch (o.style()) {
            case "han" -> {
                if (random.nextDouble() < 0.3) {
                    tags.add("hanSpace");
                    return parts[0] + (random.nextBoolean() ? " " : "\u3000") + parts[1];
                }
                return o.name();
            }
            case "hanOrg" -> {
                if (random.nextDouble() < 0.6) {
                    tags.add("suffix");
                    suffix = other(SUFFIX_HAN, suffix);
                }
                return String.join("", parts) + suffix;
            }
            default -> {
                boolean org = o.style().equals("org");
                if (org && random.nextDouble() < 0.6) {
                    tags.add("suffix");
                    suffix = random.nextDouble() < 0.2 ? "" : other(SUFFIX, suffix);
                }
                if (random.nextDouble() < 0.35) {
                    tags.add("typo");
                    int i = random.nextInt(parts.length);
                    parts[i] = typo(parts[i]);
                }
                if (!org && random.nextDouble() < 0.35) {
                    tags.add("swapped");
                    String t = parts[0];
                    parts[0] = parts[1];
                    parts[1] = t;
                }
                String name = String.join(" ", parts) + (org && !suffix.isEmpty() ? " " + suffix : "");
                double r = random.nextDouble();
                if (r < 0.15) {
                    tags.add("fullWidth");
                    name = fullWidth(name);
                } else if (r < 0.25) {
                    tags.add("upperCase");
                    name = name.toUpperCase(Locale.ROOT);
                }
                return name;
            }
        }
    }

    private String typo(String word) {
        if (word.length() < 3) {
            return word + word.charAt(word.length() - 1);
        }
        char[] c = word.toCharArray();
        int i = 1 + random.nextInt(c.length - 2);
        switch (random.nextInt(4)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
            case 1 -> {
                return word.substring(0, i) + word.substring(i + 1);
            }
            case 2 -> {
                c[i] = (char) ('a' + random.nextInt(26));
                return new String(c);
            }
            default -> {
                return word.substring(0, i) + c[i] + word.substring(i);
            }
        }
    }

    static String fullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == ' ') {
                out.append('\u3000');
            } else if (c > 0x20 && c < 0x7F) {
                out.append((char) (c + 0xFEE0));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String capitalise(String email) {
        StringBuilder out = new StringBuilder(email.length());
        boolean start = true;
        for (char c : email.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '@';
        }
        return out.toString();
    }

    /** A new address: a mailbox belongs to one party (shared family mailboxes are not modelled). */
    private String uniqueEmail(String style, String[] parts) {
        String email = email(style, parts);
        while (!emails.add(email.toLowerCase(Locale.ROOT))) {
            int at = email.indexOf('@');
            email = email.substring(0, at) + random.nextInt(10) + email.substring(at);
        }
        return email;
    }

    private String email(String style, String[] parts) {
        String domain = pick(DOMAINS);
        String number = random.nextBoolean() ? "" : String.valueOf(1 + random.nextInt(999));
        return switch (style) {
            case "pinyin", "western" -> {
                String first = ascii(style.equals("pinyin") ? parts[1] : parts[0]);
                String last = ascii(style.equals("pinyin") ? parts[0] : parts[1]);
                yield (random.nextBoolean() ? first + "." + last : last + first) + number + "@" + domain;
            }
            case "han" -> (10_000_000 + random.nextInt(900_000_000)) + "@qq.com";
            default -> {
                String slug = ascii(String.join("", parts)).replaceAll("[^a-z]", "");
                if (slug.isEmpty()) {
                    slug = randomLetters(6);
                }
                yield pick(new String[] {"info", "sales", "office", "contact"}) + "@" + slug + random.nextInt(1000)
                        + ".com.cn";
            }
        };
    }

    private String randomLetters(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("'", "")
                .toLowerCase(Locale.ROOT);
    }

    private String phone(PartyKind kind) {
        double r = random.nextDouble();
        if (kind == PartyKind.ORGANISATION && r < 0.6) {
            String area = pick(AREA_CODES);
            String local = String.valueOf(
                    area.length() == 2
                            ? 60_000_000 + random.nextInt(30_000_000)
                            : 6_000_000 + random.nextInt(3_000_000));
            return "+86 " + area + " " + local;
        }
        if (r < 0.9) {
            String n =
                    "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
            return switch (random.nextInt(3)) {
                case 0 -> "+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
                case 1 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
                default -> n;
            };
        }
        if (r < 0.95) {
            return "+49 30 " + (2_000_000 + random.nextInt(7_000_000));
        }
        return "+1 415 " + (200 + random.nextInt(800)) + " "
                + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    }

    /** The same number written another way (never changing which number it is). */
    private String reformat(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        boolean international = phone.startsWith("+");
        String national = international && digits.startsWith("86") ? digits.substring(2) : null;
        if (!international) {
            national = digits;
        }
        if (national != null) {
            boolean mobile = national.startsWith("1") && national.length() == 11;
            String withTrunk = mobile ? national : "0" + national;
            return switch (random.nextInt(4)) {
                case 0 -> "+86-" + national;
                case 1 -> "0086 " + national;
                case 2 ->
                    mobile
                            ? national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7)
                            : "(" + withTrunk.substring(0, withTrunk.length() - 8) + ") "
                                    + withTrunk.substring(withTrunk.length() - 8);
                default -> withTrunk;
            };
        }
        // a foreign number keeps its country code: only spacing and punctuation change
        return random.nextBoolean() ? "+" + digits : "00" + digits.substring(0, 2) + " " + digits.substring(2);
    }

    private PostalAddress address() {
        int city = random.nextInt(CITIES.length);
        String postal = String.valueOf(100_000 + city * 50_000 + random.nextInt(300));
        String street = random.nextDouble() < 0.3
                ? pickChar("南京淮海中山人民解放和平新华长安建国东风") + pickChar("路街道") + (1 + random.nextInt(999)) + "号"
                : (1 + random.nextInt(999)) + " " + pick(STREETS) + " " + pick(ROAD);
        return PostalAddress.of("CN", postal, CITIES[city], street);
    }

    private PostalAddress reformat(PostalAddress a) {
        String postal = a.postalCode().substring(0, 3) + " " + a.postalCode().substring(3);
        String line = a.lines().get(0);
        line = random.nextBoolean()
                ? line.toUpperCase(Locale.ROOT)
                : line.replace(" Road", " Rd.").replace(" Street", " St").replace(" Avenue", " Ave");
        return PostalAddress.of("CN", postal, a.locality(), line);
    }

    private String hanGiven() {
        return random.nextDouble() < 0.3 ? pickChar(HAN_GIVEN) : pickChar(HAN_GIVEN) + pickChar(HAN_GIVEN);
    }

    private String pinyinGiven() {
        if (random.nextDouble() < 0.4) {
            return pick(PINYIN_GIVEN);
        }
        return pick(PINYIN_GIVEN) + pick(PINYIN_GIVEN).toLowerCase(Locale.ROOT);
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    private String pickChar(String pool) {
        return String.valueOf(pool.charAt(random.nextInt(pool.length())));
    }

    private String other(String[] pool, String current) {
        String s;
        do {
            s = pick(pool);
        } while (s.equals(current));
        return s;
    }
}
