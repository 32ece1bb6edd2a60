//! Table tests for extraction: one line per case, what a reader of the
//! sentence would record. Cases are written to the rules (titles, roles by
//! date, modality, dates as a wire editor reads them), not copied from the
//! corpus.

use super::{extract, Text};
use chrono::NaiveDate;

/// Events as `kind date actor|actor|...` (actors sorted), one per event.
fn events(body: &str, date: &str) -> Vec<String> {
    events_from(body, date, None)
}

fn events_from(body: &str, date: &str, source: Option<&str>) -> Vec<String> {
    let published = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("test date");
    let x = extract(Text {
        title: None,
        body,
        published,
        source,
    });
    let mut out: Vec<String> = x
        .events
        .iter()
        .map(|e| {
            let mut names: Vec<&str> = e
                .actors
                .iter()
                .map(|&i| x.actors[i].name.as_str())
                .collect();
            names.sort();
            format!("{} {} {}", e.kind.as_str(), e.date, names.join("|"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn contacts_and_their_dates() {
    let cases: &[(&str, &str, &[&str])] = &[
        // the model case: an undated lead is the day of the report
        (
            "US President Joe Biden and Israeli Prime Minister Benjamin Netanyahu have engaged in a crucial discussion on Gaza. The call was the first in 27 days.",
            "2024-01-19",
            &["call 2024-01-19 Benjamin Netanyahu|Joe Biden"],
        ),
        // weekdays point back; "spoke" without "met" is a call
        (
            "President Joe Biden and Chinese President Xi Jinping spoke on Thursday.",
            "2022-07-29",
            &["call 2022-07-28 Joe Biden|Xi Jinping"],
        ),
        // the day of the report itself
        (
            "French President Emmanuel Macron and Russian President Vladimir Putin spoke by telephone on Tuesday.",
            "2025-07-01",
            &["call 2025-07-01 Emmanuel Macron|Vladimir Putin"],
        ),
        // a wire dateline's day is the reference
        (
            "WASHINGTON, Jan 19 (Reuters) - President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Thursday.",
            "2024-01-20",
            &["call 2024-01-18 Benjamin Netanyahu|Joe Biden"],
        ),
        // "Dec. 30" in a January article is last year
        (
            "Biden and Putin last spoke by phone on Dec. 30, the Kremlin said. Russian President Vladimir Putin and President Joe Biden are old rivals.",
            "2022-01-10",
            &["call 2021-12-30 Joe Biden|Vladimir Putin"],
        ),
        // a month-precise background contact keeps its precision
        (
            "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping last held a formal summit in October 2019.",
            "2024-10-24",
            &["meeting 2019-10 Narendra Modi|Xi Jinping"],
        ),
        // a week-precise one
        (
            "Trump spoke with Russian President Vladimir Putin by phone last week. President Donald Trump said little.",
            "2025-07-09",
            &["call 2025-W27 Donald Trump|Vladimir Putin"],
        ),
        // unknown people with a title are recorded
        (
            "Prime Minister Jana Novakova of Slovakia met Foreign Minister Pedro Alvarez on Monday in Bratislava.",
            "2024-03-06",
            &["meeting 2024-03-04 Jana Novakova|Pedro Alvarez"],
        ),
        // organisations take part
        (
            "NATO Secretary-General Mark Rutte met Ukrainian President Volodymyr Zelensky in Kyiv on Tuesday.",
            "2025-04-16",
            &["meeting 2025-04-15 Mark Rutte|Volodymyr Zelensky"],
        ),
        // several parties, one event
        (
            "President Joe Biden held a video call on Monday with French President Emmanuel Macron, German Chancellor Olaf Scholz and British Prime Minister Boris Johnson.",
            "2022-01-25",
            &["call 2022-01-24 Boris Johnson|Emmanuel Macron|Joe Biden|Olaf Scholz"],
        ),
        // "the leaders of" countries, through the role table
        (
            "The leaders of the United States, Japan, India and Australia met on Saturday in Hiroshima.",
            "2023-05-21",
            &["meeting 2023-05-20 Anthony Albanese|Fumio Kishida|Joe Biden|Narendra Modi"],
        ),
        // a host and a guest
        (
            "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva in Beijing on Friday.",
            "2023-04-15",
            &["meeting 2023-04-14 Luiz Inácio Lula da Silva|Xi Jinping"],
        ),
        // honorifics of other governments' releases
        (
            "Prime Minister Shri Narendra Modi spoke on phone today with President of Ukraine, H.E. Mr. Volodymyr Zelenskyy.",
            "2024-05-12",
            &["call 2024-05-12 Narendra Modi|Volodymyr Zelensky"],
        ),
        // Chinese MFA style, with the date fronted
        (
            "On the evening of April 2, President Xi Jinping held a phone call with U.S. President Joe Biden at the latter's request.",
            "2024-04-03",
            &["call 2024-04-02 Joe Biden|Xi Jinping"],
        ),
        // AP drops the "on"
        (
            "JERUSALEM (AP) — Netanyahu spoke Sunday with Biden about the hostages. Israeli Prime Minister Benjamin Netanyahu faces pressure at home.",
            "2023-10-24",
            &["call 2023-10-22 Benjamin Netanyahu|Joe Biden"],
        ),
        // the passive: the host is the agent
        (
            "Turkish President Recep Tayyip Erdogan was received by Russian President Vladimir Putin in Sochi on Monday.",
            "2023-09-05",
            &["meeting 2023-09-04 Recep Tayyip Erdoğan|Vladimir Putin"],
        ),
        // a fronted contact: the one told is the other party
        (
            "In a phone call on Saturday, French President Emmanuel Macron told Russian President Vladimir Putin that the offensive must stop.",
            "2022-03-01",
            &["call 2022-02-26 Emmanuel Macron|Vladimir Putin"],
        ),
        // "a day after" dates the earlier event
        (
            "Ukrainian President Volodymyr Zelenskiy met Polish President Andrzej Duda in Warsaw on Wednesday, a day after talks with German Chancellor Olaf Scholz in Berlin.",
            "2023-03-09",
            &[
                "meeting 2023-03-07 Olaf Scholz|Volodymyr Zelensky",
                "meeting 2023-03-08 Andrzej Duda|Volodymyr Zelensky",
            ],
        ),
        // "and later": the same day as the clause before
        (
            "Ukrainian President Volodymyr Zelensky hosted Polish Prime Minister Donald Tusk in Kyiv on Monday and later spoke with French President Emmanuel Macron by phone.",
            "2024-01-23",
            &[
                "call 2024-01-22 Emmanuel Macron|Volodymyr Zelensky",
                "meeting 2024-01-22 Donald Tusk|Volodymyr Zelensky",
            ],
        ),
        // a relative clause reports its own contact
        (
            "German Chancellor Olaf Scholz, who met Chinese Premier Li Qiang in Berlin on Tuesday, called for fair trade.",
            "2023-06-02",
            &["meeting 2023-05-30 Li Qiang|Olaf Scholz"],
        ),
        // "Dar es Salaam" is a place, not Pakistan's foreign minister Ishaq Dar
        (
            "NAIROBI (Reuters) - Kenyan President William Ruto held talks with his Tanzanian counterpart Samia Suluhu Hassan in Dar es Salaam on Wednesday.",
            "2024-09-05",
            &["meeting 2024-09-04 Samia Suluhu Hassan|William Ruto"],
        ),
        // a plan word does not reach past "after" to an earlier contact
        (
            "JOHANNESBURG, Aug 24 (Reuters) - Chinese President Xi Jinping and Indian Prime Minister Narendra Modi agreed to intensify efforts to de-escalate tensions after a brief conversation on the sidelines of the BRICS summit.",
            "2023-08-25",
            &["meeting 2023-08-24 Narendra Modi|Xi Jinping"],
        ),
        // "hours after" is the same day; a passive's agent further on
        (
            "Russian President Vladimir Putin held talks with Saudi Crown Prince Mohammed bin Salman in Riyadh on Wednesday evening, hours after being received in Abu Dhabi by UAE President Sheikh Mohamed bin Zayed Al Nahyan.",
            "2023-12-07",
            &[
                "meeting 2023-12-06 Mohammed bin Salman|Vladimir Putin",
                "meeting 2023-12-06 Mohammed bin Zayed Al Nahyan|Vladimir Putin",
            ],
        ),
        // a letter is a message
        (
            "North Korean leader Kim Jong Un sent a letter to President Donald Trump on Monday, the White House said. Kim Jong Un and Donald Trump have met three times.",
            "2019-06-12",
            &["message 2019-06-10 Donald Trump|Kim Jong Un"],
        ),
        // an undated contact in the simple past continues the day just told
        (
            "President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Monday. Partway through the talks, Trump stepped away to telephone Russian President Vladimir Putin.",
            "2025-08-19",
            &[
                "call 2025-08-18 Donald Trump|Vladimir Putin",
                "meeting 2025-08-18 Donald Trump|Volodymyr Zelensky",
            ],
        ),
        // ... but not a habit or the perfect
        (
            "President Donald Trump met Ukrainian President Volodymyr Zelensky at the White House on Monday. Trump has spoken with Russian President Vladimir Putin several times.",
            "2025-08-19",
            &["meeting 2025-08-18 Donald Trump|Volodymyr Zelensky"],
        ),
        // "the day before", "two days later": from the story's day
        (
            "Vladimir Putin met South African President Cyril Ramaphosa in St Petersburg on June 17. The day before, Ramaphosa was in Kyiv, where he held talks with Ukrainian President Volodymyr Zelensky. Two days later, Putin telephoned Turkish President Recep Tayyip Erdogan.",
            "2023-06-21",
            &[
                "call 2023-06-19 Recep Tayyip Erdoğan|Vladimir Putin",
                "meeting 2023-06-16 Cyril Ramaphosa|Volodymyr Zelensky",
                "meeting 2023-06-17 Cyril Ramaphosa|Vladimir Putin",
            ],
        ),
        // the participants listed in the next sentence take part
        (
            "Chancellor Olaf Scholz hosted President Emmanuel Macron in Berlin on Friday. Also present were Polish Prime Minister Donald Tusk and Italian Prime Minister Giorgia Meloni.",
            "2024-03-16",
            &["meeting 2024-03-15 Donald Tusk|Emmanuel Macron|Giorgia Meloni|Olaf Scholz"],
        ),
        // a bare capitalised title is the release's own leader, named first;
        // "by His Highness ..." is the agent of the passive
        (
            "Prime Minister Shri Narendra Modi paid an official visit to Abu Dhabi today. He arrived from Paris, where he met Prime Minister of Poland Donald Tusk and President Emmanuel Macron, who also hosted him for talks yesterday. Prime Minister was received by His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE.",
            "2023-07-15",
            &[
                "meeting 2023-07-14 Donald Tusk|Emmanuel Macron|Narendra Modi",
                "meeting 2023-07-15 Mohammed bin Zayed Al Nahyan|Narendra Modi",
            ],
        ),
        // a contact word with a day and no one named dates the next
        // sentence's contact; a paragraph telling 2022 reads "in August" in
        // 2022; "he" is not the person its own clause names
        (
            "For almost three years the phone line was silent. On Tuesday it rang again. Emmanuel Macron and Vladimir Putin spoke for more than two hours.\n\nFew leaders invested more in Mr Putin than Mr Macron. He hosted the Russian president at Versailles on May 29, 2017. He spoke to Mr Putin on February 24th 2022. The two discussed the Zaporizhzhia nuclear plant in August.",
            "2025-07-02",
            &[
                "call 2022-02-24 Emmanuel Macron|Vladimir Putin",
                "call 2022-08 Emmanuel Macron|Vladimir Putin",
                "call 2025-07-01 Emmanuel Macron|Vladimir Putin",
                "meeting 2017-05-29 Emmanuel Macron|Vladimir Putin",
            ],
        ),
        // a call "with" one party, owned by no one else, is the speaker's;
        // a fronted "After ...," is its own clause; "before the Putin call"
        // names another contact
        (
            "Donald Trump said Russia and Ukraine would start talks after a two-hour phone call with Vladimir Putin on Monday. After speaking with Putin, Trump held a call with Volodymyr Zelenskyy and Emmanuel Macron. Zelenskyy also spoke to Trump before the Putin call.",
            "2025-05-19",
            &[
                "call 2025-05-19 Donald Trump|Emmanuel Macron|Volodymyr Zelensky",
                "call 2025-05-19 Donald Trump|Vladimir Putin",
            ],
        ),
        // a readout's undated contacts are of its day; "his conversations
        // with the leaders of A, B and C" are one call with each
        (
            "Telephone conversations with leaders of Middle Eastern states\n\nVladimir Putin had a telephone conversation with President of the Arab Republic of Egypt Abdel Fattah el-Sisi.\n\nThe leaders exchanged views on the situation in the region. The Russian side emphasised the need to prevent the conflict from spreading.\n\nVladimir Putin had a telephone conversation with Prime Minister of Israel Benjamin Netanyahu.\n\nVladimir Putin informed the Prime Minister of Israel about the main points of his conversations with the leaders of Egypt and Syria held earlier today.",
            "2023-10-16",
            &[
                "call 2023-10-16 Abdel Fattah el-Sisi|Vladimir Putin",
                "call 2023-10-16 Bashar al-Assad|Vladimir Putin",
                "call 2023-10-16 Benjamin Netanyahu|Vladimir Putin",
            ],
        ),
        // a call "from" someone; a meeting its clause calls likely is none
        (
            "Prime Minister Shri Narendra Modi received a phone call today from H.E. Mr. Volodymyr Zelenskyy, President of Ukraine. Mr. Modi will travel to China, where a meeting with President Vladimir Putin is likely.",
            "2025-08-11",
            &["call 2025-08-11 Narendra Modi|Volodymyr Zelensky"],
        ),
        // "one cancelled meeting" governs its own noun; a comma and a new
        // subject end what "would" governs
        (
            "After nine months of waiting, one cancelled meeting and questions about whether he would ever get through the door, Anthony Albanese sat down with Donald Trump at the White House on Monday.",
            "2025-10-21",
            &["meeting 2025-10-20 Anthony Albanese|Donald Trump"],
        ),
        // one person writing about another does not make them "the two men"
        (
            "Donald Trump met Volodymyr Zelensky in Rome on Saturday. Trump wrote that there was no reason for Vladimir Putin to be shooting missiles. The two men spoke again on Sunday.",
            "2025-04-28",
            &[
                "call 2025-04-27 Donald Trump|Volodymyr Zelensky",
                "meeting 2025-04-26 Donald Trump|Volodymyr Zelensky",
            ],
        ),
        // a dash after "the leaders of ..." opens their list, which goes
        // on after "— as well as"
        (
            "Biden spoke after meeting virtually with the leaders of the Group of Seven nations — Britain's Boris Johnson and France's Emmanuel Macron — as well as European Council President Charles Michel.",
            "2022-02-24",
            &["call 2022-02-24 Boris Johnson|Charles Michel|Emmanuel Macron|Joe Biden"],
        ),
        // a known person after words that describe them; a possessive
        // before a relation is not a party
        (
            "Netanyahu met Tesla CEO Elon Musk in California on Monday. Raisi's predecessor Hassan Rouhani met Erdogan in Ankara on Monday.",
            "2024-01-19",
            &[
                "meeting 2024-01-15 Benjamin Netanyahu|Elon Musk",
                "meeting 2024-01-15 Hassan Rouhani|Recep Tayyip Erdoğan",
            ],
        ),
        // a live blog's entry header dates the entry's undated contacts
        (
            "Israel war live\n\n19 October, 10:05 BST\nRishi Sunak has landed in Israel.\n\n18 October, 09:12 BST\nNetanyahu welcomes Biden\n\nPrime Minister Benjamin Netanyahu thanked President Joe Biden for his support as the two leaders sat down with their delegations in a Tel Aviv hotel.",
            "2023-10-19",
            &["meeting 2023-10-18 Benjamin Netanyahu|Joe Biden"],
        ),
    ];
    for (body, date, want) in cases {
        assert_eq!(events(body, date), *want, "{body}");
    }
}

#[test]
fn plans_negations_and_talk_about_others_are_not_contacts() {
    let cases: &[(&str, &str)] = &[
        ("President Joe Biden will meet Chinese President Xi Jinping next week in San Francisco.", "2023-11-08"),
        ("President Joe Biden is expected to speak with Israeli Prime Minister Benjamin Netanyahu later this week.", "2024-03-18"),
        ("German Chancellor Olaf Scholz plans to travel to Washington next month to meet President Joe Biden.", "2022-01-25"),
        ("President Joe Biden invited Indian Prime Minister Narendra Modi to visit Washington.", "2023-01-10"),
        ("A planned meeting between US President Joe Biden and Russian President Vladimir Putin was cancelled on Friday.", "2022-02-25"),
        ("Russian President Vladimir Putin declined to meet Ukrainian President Volodymyr Zelensky in Istanbul.", "2025-05-16"),
        ("President Donald Trump has not spoken to Chinese President Xi Jinping since June.", "2025-09-10"),
        ("Will President Joe Biden meet Chinese President Xi Jinping at the summit?", "2023-11-08"),
        ("If President Donald Trump meets Russian President Vladimir Putin, sanctions could ease.", "2025-08-01"),
        ("President Donald Trump said on Tuesday that Russian President Vladimir Putin was not serious about peace.", "2025-07-09"),
        ("Netanyahu said he would speak with President Joe Biden about the hostages. Israeli Prime Minister Benjamin Netanyahu leads a coalition.", "2024-03-18"),
        ("Federal Reserve Chair Jerome Powell said officials left rates unchanged for a sixth consecutive meeting.", "2024-05-01"),
    ];
    for (body, date) in cases {
        assert_eq!(events(body, date), Vec::<String>::new(), "{body}");
    }
}

#[test]
fn roles_resolve_by_date_and_voice() {
    // "the President" in a White House readout of 2023 is Joe Biden
    assert_eq!(
        events_from(
            "The President spoke today with Prime Minister Rishi Sunak of the United Kingdom.",
            "2023-06-08",
            Some("The White House"),
        ),
        vec!["call 2023-06-08 Joe Biden|Rishi Sunak"]
    );
    // "the French president" in 2019 is Emmanuel Macron
    assert_eq!(
        events(
            "Russian President Vladimir Putin met the French president on Monday at Bregancon.",
            "2019-08-20"
        ),
        vec!["meeting 2019-08-19 Emmanuel Macron|Vladimir Putin"]
    );
    // "his Chinese counterpart" after Penny Wong: China's foreign minister that day
    assert_eq!(
        events(
            "Foreign Minister Penny Wong met her Chinese counterpart in Beijing on Wednesday.",
            "2022-12-22"
        ),
        vec!["meeting 2022-12-21 Penny Wong|Wang Yi"]
    );
    assert_eq!(
        events(
            "Foreign Minister Penny Wong met her Chinese counterpart in Jakarta on Thursday.",
            "2023-07-14"
        ),
        vec!["meeting 2023-07-13 Penny Wong|Qin Gang"]
    );
    // "the Israeli leader" is the prime minister, not the ceremonial president
    assert_eq!(
        events(
            "US President Joe Biden spoke with the Israeli leader on Sunday.",
            "2023-10-09"
        ),
        vec!["call 2023-10-08 Benjamin Netanyahu|Joe Biden"]
    );
    // spelling variants are one person
    assert_eq!(
        events("Polish President Andrzej Duda met Ukrainian President Volodymyr Zelenskiy on Monday. Zelenskyy thanked him.", "2023-04-06"),
        vec!["meeting 2023-04-03 Andrzej Duda|Volodymyr Zelensky"]
    );
}

#[test]
fn stated_gaps() {
    let published = NaiveDate::from_ymd_opt(2024, 11, 15).expect("valid");
    let x = extract(Text {
        title: None,
        body: "German Chancellor Olaf Scholz held a telephone conversation with Russian President Vladimir Putin on Friday, the first direct contact between the two leaders since December 2022.",
        published,
        source: None,
    });
    assert_eq!(x.claims.len(), 1);
    let c = &x.claims[0];
    assert_eq!((c.min_days, c.max_days), (Some(685), Some(715)));
    assert_eq!(
        c.implied_previous.map(|s| s.value()),
        Some("2022-12".to_string())
    );
    assert_eq!(
        c.ending_date.map(|s| s.value()),
        Some("2024-11-15".to_string())
    );
}

/// The claims of an article as `min..max` (or `?`/`open`) per claim.
fn claim_ranges(body: &str, date: &str) -> Vec<String> {
    let published = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("test date");
    let x = extract(Text {
        title: None,
        body,
        published,
        source: None,
    });
    x.claims
        .iter()
        .map(|c| {
            let n = |v: Option<i64>, none: &str| v.map_or(none.to_string(), |v| v.to_string());
            format!("{}..{}", n(c.min_days, "?"), n(c.max_days, "open"))
        })
        .collect()
}

#[test]
fn since_then_and_since_an_event() {
    // "since then": the date the sentence before gave
    assert_eq!(
        claim_ranges(
            "Egyptian President Abdel Fattah al-Sisi met Turkish President Recep Tayyip Erdogan in New Delhi on September 9, 2023. On Wednesday, Erdogan held talks with Sisi in Cairo, their first meeting since then.",
            "2024-02-15"
        ),
        ["158..158"]
    );
    // the day the event names, inside the month the text gives
    assert_eq!(
        claim_ranges(
            "President Donald Trump met Australian Prime Minister Anthony Albanese at the White House on Monday, the first formal meeting between the two leaders since Trump returned to the White House in January.",
            "2025-10-21"
        ),
        ["273..open"]
    );
}
