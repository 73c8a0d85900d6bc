package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guanxi.crm.ValidationException;
import dev.guanxi.crm.ValidationRule;
import dev.guanxi.crm.customer.PartyKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizersTest {

    @Nested
    @DisplayName("EmailNormalizer")
    class Emails {
        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(
                delimiter = '|',
                value = {
                    "wang.fang@example.com        | wang.fang@example.com",
                    "' Wang.Fang@Example.COM '    | wang.fang@example.com",
                    "ＷＡＮＧ＠ｅｘａｍｐｌｅ．ｃｏｍ | wang@example.com",
                    "İNFO@EXAMPLE.COM             | i̇nfo@example.com",
                    "wang.fang+crm@gmail.com      | wang.fang+crm@gmail.com",
                    "王芳@例子.中国                 | 王芳@例子.中国"
                })
        @DisplayName("the standard normaliser applies NFKC, trims and lower-cases with Locale.ROOT, nothing else")
        void standard(String given, String expected) {
            String actual = EmailNormalizer.standard().normalize(given);
            assertThat(actual).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Wang.Fang+crm@Gmail.com      | wangfang@gmail.com",
                    "w.a.n.g.fang@googlemail.com  | wangfang@gmail.com",
                    "wang.fang+a+b@gmail.com      | wangfang@gmail.com",
                    "wang.fang+crm@example.com    | wang.fang+crm@example.com",
                    "wang.fang@gmail.com.cn       | wang.fang@gmail.com.cn"
                })
        @DisplayName("the Gmail rules drop dots and tags only for gmail.com and googlemail.com")
        void gmail(String given, String expected) {
            String actual = EmailNormalizer.withGmailRules().normalize(given);
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("lower-casing does not follow a Turkish default locale")
        void turkishDefaultLocale() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                String actual = EmailNormalizer.standard().normalize("INFO@EXAMPLE.COM");
                assertThat(actual).isEqualTo("info@example.com");
            } finally {
                Locale.setDefault(before);
            }
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "'   '                | BLANK",
                    "''                   | BLANK",
                    "no-at-sign           | INVALID_FORMAT",
                    "@example.com         | INVALID_FORMAT",
                    "wang@                | INVALID_FORMAT",
                    "wang fang@example.com | INVALID_FORMAT"
                })
        @DisplayName("bad addresses are a ValidationException on 'email' naming the rule")
        void badInput(String given, ValidationRule rule) {
            assertThatThrownBy(() -> EmailNormalizer.standard().normalize(given))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("email");
                        assertThat(e.rule()).isEqualTo(rule);
                    });
        }

        @Test
        @DisplayName("a Gmail address that is only a tag is invalid")
        void onlyTag() {
            assertThatThrownBy(() -> EmailNormalizer.withGmailRules().normalize("+tag@gmail.com"))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT));
        }
    }

    @Nested
    @DisplayName("PhoneNormalizer")
    class Phones {
        @ParameterizedTest(name = "[{index}] {0}: ''{1}'' -> {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CN | +86 138 1234 5678     | +8613812345678",
                    "CN | 138-1234-5678         | +8613812345678",
                    "CN | 13812345678           | +8613812345678",
                    "CN | 0086 138 1234 5678    | +8613812345678",
                    "CN | １３８１２３４５６７８  | +8613812345678",
                    "CN | (010) 6552-9988       | +861065529988",
                    "CN | +49 (0)30 1234567     | +49301234567",
                    "DE | 030 1234567           | +49301234567",
                    "DE | 0049 30 1234567       | +49301234567",
                    "US | (415) 555-0132        | +14155550132",
                    "US | +1 415.555.0132       | +14155550132",
                    "GB | 020 7946 0018         | +442079460018"
                })
        @DisplayName("numbers become E.164, national ones read in the default region")
        void e164(String region, String given, String expected) {
            String actual = PhoneNormalizer.forRegion(region).normalize(given);
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("without a default region only numbers with a country code are read")
        void international() {
            PhoneNormalizer phones = PhoneNormalizer.international();
            String actual = phones.normalize("+86 138 1234 5678");
            assertThat(actual).isEqualTo("+8613812345678");
            Optional<String> region = phones.defaultRegion();
            assertThat(region).isEmpty();
            assertThatThrownBy(() -> phones.normalize("138 1234 5678"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("phone");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                    });
        }

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @CsvSource(
                delimiter = '|',
                value = {"not a number", "12", "+86 138 1234 5678 9999 0000", "😀"})
        @DisplayName("text that is not a possible number is a ValidationException on 'phone'")
        void badNumbers(String given) {
            assertThatThrownBy(() -> PhoneNormalizer.forRegion("CN").normalize(given))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("phone");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                    });
        }

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @CsvSource({"cn", "XX", "CHN", "''"})
        @DisplayName("an unknown default region is a ValidationException on 'defaultRegion'")
        void badRegion(String region) {
            assertThatThrownBy(() -> PhoneNormalizer.forRegion(region))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("defaultRegion");
                        assertThat(e.rule()).isEqualTo(ValidationRule.INVALID_FORMAT);
                    });
        }
    }

    @Nested
    @DisplayName("NameNormalizer")
    class Names {
        private final NameNormalizer names = NameNormalizer.defaults();

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Wang Fang              | wang fang",
                    "'  WANG,   Fang  '     | wang fang",
                    "Ｗａｎｇ　Ｆａｎｇ        | wang fang",
                    "王 芳                  | 王芳",
                    "王　芳                 | 王芳",
                    "约翰·史密斯            | 约翰史密斯",
                    "Müller-Lüdenscheidt    | muller ludenscheidt",
                    "José Núñez             | jose nunez",
                    "İSTANBUL Çiçek         | istanbul cicek",
                    "Straße                 | strasse",
                    "O'Brien                | obrien",
                    "J.P. Morgan            | jp morgan",
                    "Wang Fang 😀           | wang fang",
                    "🌸Wang🌸Fang🌸         | wang fang",
                    "Ｗａｎｇ 芳             | wang 芳",
                    "ΣΟΦΙΑ                  | σοφια",
                    "😀🎉                   | ''"
                })
        @DisplayName("fold applies width, case, diacritic, punctuation and white-space folding and joins Han words")
        void fold(String given, String expected) {
            String actual = names.fold(given);
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("folding does not follow a Turkish default locale")
        void turkishDefaultLocale() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                String actual = names.fold("ISTANBUL İzmir");
                assertThat(actual).isEqualTo("istanbul izmir");
            } finally {
                Locale.setDefault(before);
            }
        }

        @ParameterizedTest(name = "[{index}] {1} ''{0}'' -> ''{2}''")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Wang Fang                          | PERSON       | fang wang",
                    "Fang WANG                          | PERSON       | fang wang",
                    "Shanghai Huaxin Trading Co., Ltd.  | ORGANISATION | huaxin shanghai trading",
                    "Shanghai Huaxin Trading Limited    | ORGANISATION | huaxin shanghai trading",
                    "SHANGHAI HUAXIN TRADING CO LTD     | ORGANISATION | huaxin shanghai trading",
                    "Müller Maschinenbau GmbH           | ORGANISATION | maschinenbau muller",
                    "Acme, Inc.                         | ORGANISATION | acme",
                    "Acme LLC                           | ORGANISATION | acme",
                    "Banco Exemplo S.A.                 | ORGANISATION | banco exemplo",
                    "Beispiel AG                        | ORGANISATION | beispiel",
                    "上海华信贸易有限公司               | ORGANISATION | 上海华信贸易",
                    "上海华信贸易股份有限公司           | ORGANISATION | 上海华信贸易",
                    "上海华信贸易集团有限公司           | ORGANISATION | 上海华信贸易",
                    "上海华信贸易 集团                  | ORGANISATION | 上海华信贸易",
                    "ＡＢＣ有限公司                     | ORGANISATION | abc",
                    "Limited                            | ORGANISATION | limited",
                    "有限公司                           | ORGANISATION | 有限公司",
                    "Co Ltd                             | ORGANISATION | co",
                    "Wang Co                            | PERSON       | co wang"
                })
        @DisplayName("key sorts the words and drops trailing legal forms of organisations, never the whole name")
        void key(String given, PartyKind kind, String expected) {
            String actual = names.key(given, kind);
            assertThat(actual).isEqualTo(expected);
        }

        @Test
        @DisplayName("legal forms are extensible and replaceable; a blank form is a ValidationException")
        void legalForms() {
            NameNormalizer more = names.withAdditionalLegalForms("Kft.", "有限合伙");
            String hungarian = more.key("Példa Kft.", PartyKind.ORGANISATION);
            String partnership = more.key("华信有限合伙", PartyKind.ORGANISATION);
            assertThat(hungarian).isEqualTo("pelda");
            assertThat(partnership).isEqualTo("华信");
            List<String> forms = more.legalForms();
            assertThat(forms).contains("kft", "有限合伙", "ltd", "有限公司");

            NameNormalizer only = names.withLegalForms(List.of("Kft"));
            String kept = only.key("Acme Ltd", PartyKind.ORGANISATION);
            assertThat(kept).isEqualTo("acme ltd");

            assertThatThrownBy(() -> names.withAdditionalLegalForms(" .. "))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("legalForms");
                        assertThat(e.rule()).isEqualTo(ValidationRule.BLANK);
                    });
        }

        @Test
        @DisplayName("without a romanizer names with Han characters have no romanised form")
        void noRomanizer() {
            Optional<List<String>> romanized = names.romanizedTokens("王芳", PartyKind.PERSON);
            assertThat(romanized).isEmpty();
        }

        @Test
        @DisplayName(
                "a plugged-in romanizer gives folded romanised words (tone marks dropped), legal forms removed first")
        void romanizer() {
            NameNormalizer pinyin = names.withRomanizer(FakePinyin.INSTANCE);
            Optional<List<String>> person = pinyin.romanizedTokens("王芳", PartyKind.PERSON);
            Optional<List<String>> company = pinyin.romanizedTokens("华信有限公司", PartyKind.ORGANISATION);
            Optional<List<String>> latin = pinyin.romanizedTokens("Wang Fang", PartyKind.PERSON);
            assertThat(person).contains(List.of("wang", "fang"));
            assertThat(company).contains(List.of("hua", "xin"));
            assertThat(latin).isEmpty();
        }
    }

    /** A tiny pinyin table standing in for ICU4J's Han-Latin transliterator. */
    enum FakePinyin implements NameRomanizer {
        INSTANCE;

        private static final Map<Character, String> READINGS =
                Map.of('王', "Wáng", '汪', "Wāng", '芳', "Fāng", '方', "Fāng", '华', "Huá", '信', "Xìn", '李', "Lǐ");

        @Override
        public Optional<String> romanize(String name) {
            StringBuilder out = new StringBuilder();
            for (char c : name.toCharArray()) {
                String reading = READINGS.get(c);
                if (reading == null) {
                    return Optional.empty();
                }
                out.append(out.length() == 0 ? "" : " ").append(reading);
            }
            return Optional.of(out.toString());
        }
    }
}
