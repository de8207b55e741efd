"""The entities stage on hand-written sentences: each alias pattern, metonymy and demonyms,
definite descriptions, groups of people and each kind of label. (Its quality on real articles
is measured by `unspin actors eval`, with a floor in test_actors_gate.py.)"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import plain
from unspin.options import Options
from unspin.stages.entities import EntitiesStage
from unspin.stages.entities.posts import posts


def actors(text: str) -> list[dict[str, Any]]:
    article = EntitiesStage(options=Options())(plain(text))
    article.stages.append("entities")
    found: list[dict[str, Any]] = article.to_dict()["entities"]
    return found


def actor(text: str, name: str) -> dict[str, Any]:
    """The actor called `name` (canonically or as an alias)."""
    for entity in actors(text):
        if name == entity["name"] or name in entity["aliases"]:
            return entity
    raise AssertionError(f"no actor {name!r} in {[e['name'] for e in actors(text)]}")


def names(entity: dict[str, Any]) -> set[str]:
    return {entity["name"], *entity["aliases"]}


def labels(entity: dict[str, Any]) -> set[str]:
    return {label["text"] for label in entity["labels"]}


FOH = (
    "Police raided homes linked to the Fellowship of the Open Hand (FOH, also known as the "
    "Open Hand Movement or the Handfolk), a religious group. The FOH denied it. Later the "
    "Fellowship said its members were loyal. The Handfolk have lived there for years."
)


def test_parentheses_with_also_known_as_make_one_actor_of_four_names() -> None:
    foh = actor(FOH, "FOH")
    assert names(foh) >= {"Fellowship of the Open Hand", "FOH", "Open Hand Movement", "Handfolk"}
    assert foh["type"] == "organization"


def test_every_repeat_of_an_acronym_is_a_mention() -> None:
    foh = actor(FOH, "FOH")
    acronyms = [m for m in foh["mentions"] if m["text"] == "FOH"]
    assert len(acronyms) == 2


def test_a_shorter_form_with_the_refers_to_the_long_name() -> None:
    foh = actor(FOH, "FOH")
    assert any(m["text"] == "Fellowship" for m in foh["mentions"])


@pytest.mark.parametrize(
    "text, long, alias",
    [
        (
            "The National Renewal Front, also known as the Renewal Movement, held a rally. "
            "The Renewal Movement says it is peaceful.",
            "National Renewal Front",
            "Renewal Movement",
        ),
        (
            "Acme Holdings, formerly Acme Mining, paid the fine. Acme Mining had denied it.",
            "Acme Holdings",
            "Acme Mining",
        ),
        (
            "The Blue Lotus Society, a.k.a. the Lotus Circle, met on Sunday.",
            "Blue Lotus Society",
            "Lotus Circle",
        ),
        (
            "The Northern Workers Union, known as Solidarnosc North, called a strike.",
            "Northern Workers Union",
            "Solidarnosc North",
        ),
    ],
)
def test_alias_cues_after_a_comma(text: str, long: str, alias: str) -> None:
    assert alias in names(actor(text, long))


@pytest.mark.parametrize(
    "text",
    [
        "Congressman Hakim Muhammad, aka Keith Ellison, was accused. Ellison denied it.",
        "Rep. Keith Ellison, aka Hakim Muhammad, was accused. Ellison denied it.",
    ],
)
def test_a_person_goes_by_the_name_the_article_uses_whichever_comes_first(text: str) -> None:
    ellison = actor(text, "Ellison")
    assert ellison["name"] == "Keith Ellison"
    assert {"Hakim Muhammad", "Ellison"} <= names(ellison)


def test_an_alias_lends_no_surname_the_article_uses_less() -> None:
    text = (
        "Rep. Keith Ellison, aka Hakim Muhammad, spoke. Ellison said the Prophet Muhammad "
        "taught peace. Ellison left."
    )
    assert all(m["text"] != "Muhammad" for m in actor(text, "Keith Ellison")["mentions"])


def test_an_acronym_in_parentheses_takes_the_whole_name_it_spells() -> None:
    text = (
        "Children were turned over to New Mexico Children Youth and Families Department (CYFD) "
        "for care. CYFD said it would help."
    )
    department = actor(text, "CYFD")
    assert department["name"] == "New Mexico Children Youth and Families Department"
    assert len(department["mentions"]) == 3


def test_an_acronym_matches_the_initials_of_a_long_name_elsewhere() -> None:
    text = (
        "The Federal Bureau of Investigation opened a case on Monday. "
        "A day later the FBI said it had arrested two men."
    )
    assert "FBI" in names(actor(text, "Federal Bureau of Investigation"))


def test_an_acronym_given_for_lower_case_words_is_a_term_not_an_actor() -> None:
    text = (
        "The Sun may enter a period of less ultraviolet radiation (UV) soon. UV levels fell. "
        "The National Renewal Front (NRF) denied it."
    )
    assert {e["name"] for e in actors(text)} >= {"National Renewal Front"}
    assert all("UV" not in names(e) for e in actors(text))
    text = "The federal immigration agency (ICE) detained him. ICE said so."
    assert len(actor(text, "ICE")["mentions"]) == 2


def test_an_acronym_spacy_takes_for_a_place_is_an_organisation() -> None:
    text = "The NRF held a rally. Police said the NRF had no permit. The NRF denied this."
    nrf = actor(text, "NRF")
    assert nrf["type"] == "organization"
    assert len(nrf["mentions"]) == 3


def test_a_surname_and_a_title_lead_back_to_the_full_name() -> None:
    text = (
        "Interior Minister Tomas Rell spoke on Monday. Opposition figures were angry. "
        "Their leader left the room. Rell said the raids would go on."
    )
    rell = actor(text, "Tomas Rell")
    assert "Rell" in names(rell)
    assert len(rell["mentions"]) == 2
    assert "Interior Minister" in labels(rell)


def test_an_organisation_named_by_the_end_of_its_name_is_one_actor() -> None:
    text = (
        "The Pennsylvania Supreme Court ruled on Monday. Lawyers for the Washington Post said "
        "the Supreme Court had erred, and the Post would appeal."
    )
    assert {"Supreme Court", "Pennsylvania Supreme Court"} <= names(actor(text, "Supreme Court"))
    assert "Post" in names(actor(text, "Washington Post"))


def test_a_name_found_again_inside_another_name_is_no_mention_of_it() -> None:
    text = (
        "Donald Trump spoke in Ohio. In Latin America, Hillary Clinton met voters. Mr. Trump "
        "said America is great, and President Trump left."
    )
    trump = actor(text, "Donald Trump")
    assert [m["text"] for m in trump["mentions"]] == ["Donald Trump", "Trump", "Trump"]
    assert [m["start"] for m in actor(text, "United States")["mentions"]] == [
        text.index("America is")
    ]
    text = "Donald Trump spoke. In December Trump said so. He told CNN Trump would win."
    assert len(actor(text, "Donald Trump")["mentions"]) == 3  # a word before, not a name


def test_a_surname_with_an_apostrophe_is_part_of_the_name() -> None:
    text = "Colm O\u2019Gorman, an Irish abuse survivor, said so. O\u2019Gorman added more."
    colm = actor(text, "Colm O\u2019Gorman")
    assert len(colm["mentions"]) == 2
    assert "Irish abuse survivor" in labels(colm)


def test_a_two_word_surname_leads_back_to_the_full_name() -> None:
    text = (
        "A jury acquitted Jose Ines Garcia Zarate on Thursday. Garcia Zarate had been deported "
        "five times."
    )
    assert "Garcia Zarate" in names(actor(text, "Jose Ines Garcia Zarate"))


def test_a_short_name_that_ends_two_organisations_names_stays_apart() -> None:
    text = (
        "The Pennsylvania Supreme Court and the Ohio Supreme Court ruled. The Supreme Court "
        "in Washington said nothing."
    )
    assert names(actor(text, "Supreme Court")) == {"Supreme Court"}


def test_a_campaign_named_after_a_person_is_an_actor_of_its_own() -> None:
    text = (
        "The Clinton campaign said it was fine. Hillary Clinton spoke later, and Clinton's "
        "campaign removed the post. Rubio's team attacked Ted Cruz."
    )
    campaign = actor(text, "Clinton campaign")
    assert campaign["type"] == "organization"
    assert "Clinton's campaign" in names(campaign)
    assert "Clinton" in names(actor(text, "Hillary Clinton"))
    assert actor(text, "Rubio's team")["type"] == "organization"


def test_two_people_who_share_a_surname_stay_two_actors() -> None:
    text = (
        "Quentin Lamar Smith was charged on Sunday. Smith is in hospital. Police had visited "
        "his wife, Candace Smith, twice. Candace Smith told police she was afraid. Smith left."
    )
    quentin, candace = actor(text, "Quentin Lamar Smith"), actor(text, "Candace Smith")
    assert quentin["id"] != candace["id"]
    assert "Candace Smith" not in names(quentin)


def test_mr_and_mrs_tell_apart_two_people_who_share_a_surname() -> None:
    text = (
        "Hillary Clinton spoke on Monday, and she said the plan was bad. Bill Clinton agreed "
        "with her, and he said so. Mrs. Clinton later said more, and Mr. Clinton left."
    )
    hillary, bill = actor(text, "Hillary Clinton"), actor(text, "Bill Clinton")
    assert [m["start"] for m in hillary["mentions"]][-1] == text.index("Clinton later")
    assert [m["start"] for m in bill["mentions"]][-1] == text.index("Clinton left")


def test_a_handle_that_spells_a_name_is_that_person() -> None:
    text = "Senator Maria Lopez spoke. Follow @MariaLopez for updates."
    assert "MariaLopez" in names(actor(text, "Maria Lopez"))


def test_a_handle_that_signs_a_post_is_the_name_before_it() -> None:
    text = "The jury is out, he wrote. — Shimon Prokupecz (@ShimonPro) March 22, 2019"
    assert "ShimonPro" in names(actor(text, "Shimon Prokupecz"))


def test_a_capital_that_acts_stands_for_its_state() -> None:
    text = "Russia expelled two diplomats. Moscow dismissed the report as fiction."
    russia = actor(text, "Russia")
    assert russia["type"] == "country"
    assert "Moscow" in names(russia)


def test_a_seat_of_government_is_its_state_also_as_an_object() -> None:
    text = "A federal judge criticized the White House for stripping a reporter of his pass."
    assert actor(text, "United States")["type"] == "country"


def test_a_capital_that_something_is_done_against_stands_for_its_state() -> None:
    text = "China's trade fell. Her tough attitude toward Beijing worried investors."
    assert "Beijing" in names(actor(text, "China"))


def test_a_capital_that_is_only_a_place_is_no_actor() -> None:
    text = "Russia expelled two diplomats. The talks were held in Moscow last week."
    russia = actor(text, "Russia")
    assert "Moscow" not in names(russia)
    assert all(e["name"] != "Moscow" for e in actors(text))


def test_a_seat_of_government_stands_for_its_state() -> None:
    text = "The Kremlin said the sanctions would fail."
    kremlin = actor(text, "Kremlin")
    assert kremlin["name"] == "Russia"


def test_a_demonym_is_a_mention_of_its_country_but_no_alias() -> None:
    text = "Britain expelled two Russian agents. Russia denied sending them."
    russia = actor(text, "Russia")
    assert any(m["text"] == "Russian" for m in russia["mentions"])
    assert "Russian" not in russia["aliases"]


def test_a_state_the_country_data_does_not_know_is_an_actor_when_it_acts() -> None:
    text = "The government of Valdoria has shown its true face. Valdoria's police arrested ten."
    valdoria = actor(text, "Valdoria")
    assert valdoria["type"] == "country"
    assert "government" in labels(valdoria)


def test_a_generic_definite_description_refers_to_the_nearest_fitting_actor() -> None:
    text = (
        "Police raided the offices of the Open Hand Movement on Monday. "
        "The shadowy outfit said it had done nothing wrong."
    )
    movement = actor(text, "Open Hand Movement")
    assert "shadowy outfit" in labels(movement)
    assert any(m["text"] == "shadowy outfit" for m in movement["mentions"])


def test_a_specific_description_needs_the_word_in_a_name_or_role() -> None:
    text = (
        "The Interior Ministry published a list. Jan Novak, a lawyer, read it. "
        "The ministry later withdrew it."
    )
    ministry = actor(text, "Interior Ministry")
    assert "ministry" in labels(ministry)
    assert "ministry" not in labels(actor(text, "Jan Novak"))


def test_a_description_is_not_a_group_whose_name_only_holds_its_word_as_a_modifier() -> None:
    text = (
        "The Irish Catholic Church held a synod in Dublin. Church officials denied the "
        "reports, and the church officials refused to comment. The church later apologized."
    )
    assert "church" in labels(actor(text, "Irish Catholic Church"))
    assert "church" not in labels(actor(text, "Church officials"))


def test_a_role_before_a_name_lets_the_role_refer_back() -> None:
    text = (
        "President Ana Silva met the unions on Monday. Talks were tense. "
        "The president said she would not resign."
    )
    assert "president" in labels(actor(text, "Ana Silva"))


def test_a_role_word_refers_back_to_the_title_it_stands_for() -> None:
    text = (
        "Democratic Rep. Keith Varley spoke to reporters on Monday. Nobody asked further. "
        "No action was taken against the congressman."
    )
    assert "congressman" in labels(actor(text, "Keith Varley"))


def test_a_gendered_description_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Karen Dale said she had filed a complaint. Officials questioned Tom Brix about it, "
        "and he said he had done nothing. The woman later published her records."
    )
    assert "woman" in labels(actor(text, "Karen Dale"))
    assert "woman" not in labels(actor(text, "Tom Brix"))


def test_a_gendered_word_before_the_head_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Jim Acosta argued with reporters for an hour. He said he would not stop. Acosta "
        "refused to hand the microphone to the female intern."
    )
    assert "female intern" not in labels(actor(text, "Jim Acosta"))


def test_an_appositive_that_never_speaks_of_a_person_is_no_label_of_one() -> None:
    text = "You have Donald Trump, the big debate of today, and nothing else."
    assert labels(actor(text, "Donald Trump")) == set()


def test_an_appositive_with_a_person_among_its_senses_is_a_label() -> None:
    text = "Peter Strzok, the FBI agent who led the inquiry, testified on Monday."
    assert "FBI agent" in labels(actor(text, "Peter Strzok"))


def test_a_predicate_or_naming_labels_each_of_joined_actors() -> None:
    text = "Both CNN and Jim Acosta are plaintiffs. John Kelly and Bill Shine are aides."
    assert "plaintiffs" in labels(actor(text, "Jim Acosta"))
    assert "aides" in labels(actor(text, "Bill Shine"))


def test_a_plural_role_before_a_colon_labels_each_name_listed_after_it() -> None:
    text = "There are three defendants: Donald Trump himself, John Kelly and Bill Shine."
    for name in ("Donald Trump", "John Kelly", "Bill Shine"):
        assert labels(actor(text, name)) == {"three defendants"}


def test_a_thing_before_a_colon_is_no_label_of_the_person_after_it() -> None:
    text = "CNN sued Donald Trump on Tuesday. The list: Tom Hanks."
    assert labels(actor(text, "Tom Hanks")) == set()


def test_a_denied_predicate_description_is_no_label() -> None:
    text = "Amy Alexander spoke on Monday. Alexander is not the only woman to accuse Tom Brix."
    assert labels(actor(text, "Amy Alexander")) == set()


def test_a_word_before_the_head_picks_the_actor_introduced_with_it() -> None:
    text = (
        "Republican nominee Tom Brix met Democratic nominee Ana Silva on Monday. Silva spoke "
        "first. The GOP candidate answered her."
    )
    assert "GOP candidate" in labels(actor(text, "Tom Brix"))


def test_words_before_a_name_are_its_title_only_when_they_read_as_one() -> None:
    text = (
        "Judge Frank Nevo heard the case on Monday. Later the judge agreed with Ivana Lopes "
        "on one point. The judge then adjourned."
    )
    assert "judge" not in labels(actor(text, "Ivana Lopes"))
    assert "judge" in labels(actor(text, "Frank Nevo"))


def test_a_description_after_someone_new_is_brought_in_is_not_a_named_actor() -> None:
    text = (
        "Officer Amber Guyger was on duty. Another officer was looking for a woman with a "
        "warrant. The woman was in a car."
    )
    assert "woman" not in labels(actor(text, "Amber Guyger"))


def test_a_description_that_owns_something_refers_back_too() -> None:
    text = (
        "President Ana Silva vetoed the bill on Monday. Lawmakers met on Tuesday. "
        "They said the president's veto would not stand."
    )
    assert "president" in labels(actor(text, "Ana Silva"))


def test_an_owned_description_refers_only_to_someone_given_that_role() -> None:
    text = (
        "Tom Brix and his press secretary Kali Moro came to the debate. Police asked Brix to "
        "leave. His press secretary said they had tickets. His opponent said nothing."
    )
    assert "press secretary" in labels(actor(text, "Kali Moro"))
    assert "opponent" not in labels(actor(text, "Kali Moro"))
    assert "press secretary" not in labels(actor(text, "Tom Brix"))


def test_an_organisation_word_never_refers_to_a_person() -> None:
    text = (
        "Supreme Court Justice Frank Nevo heard the case. Lawyers for Ivana Lopes argued. "
        "The court will rule next week."
    )
    assert "court" not in labels(actor(text, "Frank Nevo"))


def test_a_description_of_a_person_refers_to_the_one_the_passage_is_about() -> None:
    text = (
        "Republican Tom Brix toured Ohio on Monday. Brix spoke of jobs, and Brix took "
        "questions while Ana Silva watched. The real estate mogul said the economy was weak."
    )
    assert "real estate mogul" in labels(actor(text, "Tom Brix"))
    assert "real estate mogul" not in labels(actor(text, "Ana Silva"))


def test_a_country_word_after_in_is_a_place_not_a_reference() -> None:
    text = "Mexico protested on Monday. Many people in this country own guns, the country said."
    mexico = actor(text, "Mexico")
    assert [m["text"] for m in mexico["mentions"] if m["text"] == "country"] == ["country"]
    assert text.index("country said") == next(
        label["start"] for label in mexico["labels"] if label["text"] == "country"
    )


def test_an_administration_named_after_its_leader_is_the_state() -> None:
    text = (
        "The White House said on Monday it would appeal. The Daily Ledger has sued the Trump "
        "administration over the revocation of press passes."
    )
    state = actor(text, "United States")
    assert "Trump administration" in {m["text"] for m in state["mentions"]}


def test_a_role_someone_is_named_with_later_is_not_guessed_for_another() -> None:
    text = (
        "Jan Novak fired from the hotel. Novak had planned it. Reporters were told that the "
        "sheriff would not give interviews. Sheriff Joe Lombardo spoke on Friday."
    )
    assert "sheriff" not in labels(actor(text, "Jan Novak"))


def test_a_plural_before_one_name_is_no_appositive_of_it() -> None:
    text = "The defendants, Jany Leveille, 35, and Siraj Wahhaj, 40, were charged."
    assert "defendants" not in labels(actor(text, "Jany Leveille"))


def test_a_name_in_a_list_is_no_appositive_of_the_noun_before() -> None:
    text = "They have not explained what role Las Vegas police, the FBI and the ATF played."
    assert labels(actor(text, "FBI")) == set()


def test_a_description_is_not_the_subject_of_a_clause_it_sits_in() -> None:
    text = (
        "Shooter Stephen Paddock checked in on Monday. The security guard, Jesus Campos, was "
        "struck in the leg as the gunman fired into the hallway."
    )
    assert "gunman" not in labels(actor(text, "Jesus Campos"))


def test_a_description_may_refer_to_a_name_in_a_clause_before_it() -> None:
    text = (
        "Ted Cruz spoke in Iowa. To stop Ted Cruz, the establishment is working to caricature "
        "the Texas senator as a career politician."
    )
    assert "Texas senator" in labels(actor(text, "Ted Cruz"))


def test_a_description_that_says_which_one_may_be_someone_new() -> None:
    text = (
        "Jesus Campos was shot at 9:59 p.m. Campos called for help. The hotel guest in the "
        "room next door saw several gunmen."
    )
    assert "hotel guest" not in labels(actor(text, "Jesus Campos"))


def test_an_honorific_at_the_end_of_a_role_is_no_part_of_it() -> None:
    text = "A timeline by Twitter user Mr. Alex Dorn was shared widely."
    assert labels(actor(text, "Alex Dorn")) == {"Twitter user"}


def test_a_role_in_the_headline_refers_to_the_actor_introduced_with_it() -> None:
    text = (
        "Federal Judge Denies Bail to Five\n"
        "Magistrate Judge Kirtan Khalsa said there was clear evidence. Khalsa ruled on "
        "Wednesday. Lawyer Tom Brix said he would appeal."
    )
    assert "Judge" in labels(actor(text, "Kirtan Khalsa"))
    assert "Judge" not in labels(actor(text, "Tom Brix"))


@pytest.mark.parametrize("headline", ["Bail Denied to Five\n", ""])
def test_a_lede_subject_that_names_no_one_refers_to_the_actor_introduced_with_it(
    headline: str,
) -> None:
    text = headline + (
        "A federal judge denied bail on Wednesday to five members of a family. Magistrate "
        "Judge Kirtan Khalsa said there was clear evidence. Lawyer Tom Brix said he would appeal."
    )
    assert "federal judge" in labels(actor(text, "Kirtan Khalsa"))
    assert "federal judge" not in labels(actor(text, "Tom Brix"))


def test_a_lede_longer_than_a_headline_is_still_read_as_the_lede() -> None:
    text = (
        "A federal judge denied bail on Wednesday to five members of a family who have lived "
        "for two years in a compound in the desert, far from any town, with eleven children.\n"
        "Magistrate Judge Kirtan Khalsa said there was clear evidence."
    )
    assert "federal judge" in labels(actor(text, "Kirtan Khalsa"))


def test_a_show_is_an_outlet_not_a_person() -> None:
    text = "Jan Novak called Ana Silva a liar on The Laura Ingraham Show."
    assert actor(text, "Laura Ingraham Show")["type"] == "organization"


def test_a_person_whose_surname_is_an_organisation_word_stays_a_person() -> None:
    assert actor("Margaret Court spoke on Monday.", "Margaret Court")["type"] == "person"


def test_the_field_of_a_portfolio_title_is_no_actor() -> None:
    found = [e["name"] for e in actors("Secretary of State Ana Silva met Jan Novak of Amnesty.")]
    assert "State" not in found
    assert {"Ana Silva", "Jan Novak"} <= set(found)


def test_a_predicate_description_points_at_no_one() -> None:
    text = "Jan Novak said police found a boy. It is not clear if the boy is the missing child."
    assert "missing child" not in labels(actor(text, "Jan Novak"))


def test_a_description_joined_to_a_name_is_not_that_name() -> None:
    text = "Jill Stein spoke outside. Police removed Stein and the aide from the hall."
    assert "aide" not in labels(actor(text, "Jill Stein"))


def test_groups_of_people_that_act_are_actors() -> None:
    text = "Two former members of the group told reporters that they had been threatened."
    members = actor(text, "former members")
    assert members["type"] == "group"


def test_any_plural_of_people_can_be_a_group() -> None:
    text = "The defendants denied the charges. Prosecutors said the adults had trained children."
    assert actor(text, "defendants")["type"] == "group"
    assert actor(text, "adults")["type"] == "group"


def test_plurals_of_organisations_are_groups_named_without_quantifiers() -> None:
    text = (
        "Several news outlets accused Ana Silva of using a doctored video. Jan Novak and civil "
        "rights groups criticised her."
    )
    assert actor(text, "news outlets")["type"] == "group"
    assert actor(text, "civil rights groups")["type"] == "group"


def test_a_group_named_by_whom_its_people_serve_is_a_group() -> None:
    text = (
        "Jan Novak was scapegoated by Valdoria Interior Ministry officials. Radical Islamic "
        "terrorists were blamed."
    )
    assert actor(text, "Valdoria Interior Ministry officials")["type"] == "group"
    assert actor(text, "radical Islamic terrorists")["type"] == "group"


def test_a_phrase_with_the_same_count_points_back_at_a_group() -> None:
    text = (
        "Police arrested five former residents of the compound on Friday. A judge released "
        "two of them. All five adults had denied the charges, and five Islamists, as one "
        "paper called them, remain in custody."
    )
    group = actor(text, "former residents")
    assert {"adults", "Islamists"} <= labels(group)


def test_a_definite_phrase_joins_the_group_with_its_head_noun_only() -> None:
    text = (
        "Two district judges dropped the charges. Local prosecutors said they disagreed. "
        "The judges did their jobs, the prosecutors added."
    )
    judges = actor(text, "district judges")
    assert "judges" in labels(judges)
    assert "judges" not in labels(actor(text, "local prosecutors"))


def test_a_group_referred_to_again_is_described_by_its_phrases() -> None:
    text = (
        "Two former members spoke to reporters. The former members said they had been "
        "threatened. Children played outside."
    )
    members = actor(text, "former members")
    assert [label["text"] for label in members["labels"]] == ["former members", "former members"]
    assert labels(actor(text, "children")) == set()  # a bare plural, and named once
    text = "In 2016 voters chose Tom Brix. The voters said they liked him."
    starts = [label["start"] for label in actor(text, "voters")["labels"]]
    assert starts == [text.index("voters said")]  # "2016" is not a number of voters
    text = "Reporters asked. Aides told reporters to wait. Reporters left, and reporters came."
    assert len(actor(text, "reporters")["labels"]) == 4  # a group referred to again and again


def test_things_counted_are_no_group_of_people() -> None:
    text = (
        "Two males from Georgia are in custody. One was armed with a rifle, five loaded 30 "
        "round magazines and four loaded pistols. Both males refused to talk."
    )
    groups = {e["name"] for e in actors(text) if e["type"] == "group"}
    assert groups == {"males"}


def test_the_others_of_a_group_are_a_part_of_it_not_the_group() -> None:
    text = (
        "Five former residents were arrested. Leveille faces a firearms charge. "
        "The other four residents are charged with helping her."
    )
    assert "other four residents" not in labels(actor(text, "former residents"))


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Ilse Varga, a 63-year-old member, spoke first.", "Ilse Varga", "63-year-old member"),
        ("The Open Hand Movement is a sect, critics say.", "Open Hand Movement", "sect"),
        ("Interior Minister Tomas Rell spoke.", "Tomas Rell", "Interior Minister"),
        ("New Jersey Gov. Chris Christie spoke.", "Chris Christie", "New Jersey Gov."),
        ("Rell called Ana Silva a liar on Monday.", "Ana Silva", "liar"),
        ("The paper branded Ana Silva as a traitor.", "Ana Silva", "traitor"),
        ("Jan Novak accused Ana Silva of being a liar.", "Ana Silva", "liar"),
        ("Jan Novak suspected Ana Silva of being a spy.", "Ana Silva", "spy"),
        ("Tom Brix will be certified as the victor.", "Tom Brix", "victor"),
        ("Who should replace Ana Silva as our ambassador?", "Ana Silva", "ambassador"),
        ("A woman by the name of Karen Monahan spoke.", "Karen Monahan", "woman"),
        ("A retired man named Jan Novak came forward.", "Jan Novak", "retired man"),
    ],
)
def test_each_kind_of_label(text: str, name: str, label: str) -> None:
    assert label in labels(actor(text, name))


def test_a_label_said_of_he_or_she_is_a_label_of_the_person_it_refers_to() -> None:
    text = (
        "Compound resident Jany Leveille has been charged. She is a Haitian national. "
        "Ana Silva said she would appeal. Tom Brix said he disagreed with Ana Silva. "
        "“She\u2019s a disgrace,” Brix said."
    )
    assert "Haitian national" in labels(actor(text, "Jany Leveille"))
    assert "disgrace" in labels(actor(text, "Ana Silva"))
    assert "disgrace" not in labels(actor(text, "Tom Brix"))
    assert all(m["text"] not in ("She", "she") for e in actors(text) for m in e["mentions"])


def test_a_role_before_a_possessor_is_a_label_of_it() -> None:
    text = (
        "A judge ordered the White House to restore CNN reporter Jim Acosta's press pass. "
        "The court said the reporter's pass was revoked without cause."
    )
    assert labels(actor(text, "Jim Acosta")) == {"CNN reporter", "reporter"}


def test_a_role_between_commas_is_a_label_where_the_parse_misses_it() -> None:
    text = "Allegra Lawrence-Hardy, Abrams' campaign chair, said her team would appeal."
    assert "campaign chair" in labels(actor(text, "Lawrence-Hardy"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("On Thursday afternoon Sheriff Jerry Hogrefe swore an affidavit.", "Jerry Hogrefe"),
        ("Police found 39-year-old Siraj Wahhaj at the site.", "Siraj Wahhaj"),
        ("Many other Democrats backed Ford.", "Ford"),
    ],
)
def test_times_ages_and_quantities_are_no_labels(text: str, name: str) -> None:
    found = labels(actor(text, name))
    assert not {"Thursday afternoon Sheriff", "year-old", "Many other"} & found


@pytest.mark.parametrize(
    "text, name",
    [
        ("The embattled Lisa Page spoke to the press.", "Lisa Page"),
        ("Cables were provided by the now-imprisoned Chelsea Manning.", "Chelsea Manning"),
        ("Leftwing journalist Glenn Greenwald is no fan of the policies.", "Glenn Greenwald"),
    ],
)
def test_adjectives_alone_and_denied_descriptions_are_no_labels(text: str, name: str) -> None:
    assert labels(actor(text, name)) <= {"Leftwing journalist"}


def test_a_role_the_tagger_calls_an_adjective_is_still_a_label() -> None:
    text = "Mexican national Jose Ines Garcia Zarate, 54, was acquitted."
    assert "Mexican national" in labels(actor(text, "Jose Ines Garcia Zarate"))


def test_as_brings_a_label_only_when_it_names_a_role_of_people() -> None:
    assert labels(actor("Ana Silva resigned as a result of the vote.", "Ana Silva")) == set()


def test_a_pronoun_spacy_takes_for_a_person_is_no_actor() -> None:
    poll = "Whom do you consider to be the most corrupt Democrat Politician?\n"
    text = (
        f"The case was heard.\ntake our poll - story continues below {poll}{poll}Jan Novak spoke."
    )
    assert {e["name"] for e in actors(text)} == {"Jan Novak"}


def test_a_role_opening_a_sentence_is_a_label_not_part_of_the_name() -> None:
    text = "Comedian Hari Kondabolu spoke first."
    assert labels(actor(text, "Hari Kondabolu")) == {"Comedian"}
    text = "Reporters asked. Then Hunter Biden's laptop was found."
    assert labels(actor(text, "Hunter Biden")) == set()  # a first name, not a role


def test_the_auxiliary_opening_a_question_is_not_part_of_a_name() -> None:
    text = "Will Brett Kavanaugh be confirmed? Senators vote on Friday."
    assert [e["name"] for e in actors(text) if e["type"] == "person"] == ["Brett Kavanaugh"]
    poll = "Will Brett Kavanaugh be confirmed to the Supreme Court?\n"
    text = f"The case was heard.\ntake our poll - story continues below\n{poll}{poll}"
    text += "Will Smith said he was fine."
    smith = actor(text, "Will Smith")
    assert "Brett Kavanaugh" in {e["name"] for e in actors(text)}
    assert len(smith["mentions"]) == 1  # not the "Will" of the questions


def test_a_datelines_place_is_no_actor_and_its_agency_no_alias() -> None:
    text = (
        "SANTA FE, N.M. (AP) - Federal prosecutors say the FBI arrested five people.\n"
        "WASHINGTON (Reuters) - The Justice Department said on Monday it would appeal."
    )
    found = {e["name"]: names(e) for e in actors(text)}
    assert found["AP"] == {"AP"} and found["Reuters"] == {"Reuters"}
    assert "Justice Department" in found
    assert not {"SANTA FE", "N.M.", "WASHINGTON"} & set(found)
    text = "NATO \u2014 the alliance led by Jens Stoltenberg \u2014 met on Monday."
    assert "NATO" in {e["name"] for e in actors(text)}  # no dateline: an actor


def test_a_dateline_and_another_name_before_a_name_are_no_label() -> None:
    text = (
        "NEW YORK — U.S. Immigration and Customs Enforcement (ICE) Enforcement and Removal "
        "Operations (ERO) removed a Guatemalan citizen on Wednesday."
    )
    assert labels(actor(text, "Enforcement and Removal Operations")) == set()


def test_a_courtesy_title_or_bare_office_is_no_label() -> None:
    text = "Mr. Jan Novak and President Ana Silva met. Sen. Bob Ray joined them."
    for name in ("Jan Novak", "Ana Silva", "Bob Ray"):
        assert labels(actor(text, name)) == set()
    text = "Senators Marco Rubio and Ted Cruz spoke. Marco Rubio called it anti-Rubio rhetoric."
    assert labels(actor(text, "Marco Rubio")) == set()


def test_a_name_used_as_a_modifier_pins_no_label_on_its_actor() -> None:
    text = "Donald Trump spoke. The Trump campaign, a well-funded machine, answered."
    assert "well-funded machine" not in labels(actor(text, "Donald Trump"))


def test_a_lawmakers_party_and_state_are_no_actor() -> None:
    text = "Rep. Keith Ellison (D-MN) spoke. Sen. Lindsey Graham, R-S.C., agreed with him."
    assert {e["name"] for e in actors(text)} == {"Keith Ellison", "Lindsey Graham"}


def test_page_furniture_run_into_a_phrase_is_no_label() -> None:
    text = (
        "Her son posted the allegations. pic.twitter.com/ISMgRoFBvs — CBS Evening News "
        "(@CBSEveningNews) August 17, 2018"
    )
    for entity in actors(text):
        assert not any("@" in label or "twitter.com" in label for label in labels(entity))


def test_a_name_stops_at_a_colon_or_an_opening_quote() -> None:
    text = "CNN Reacts to Mueller News: \u2018Huge Victory for the President\u2019\nCNN said so."
    assert all(":" not in e["name"] and "\u2018" not in e["name"] for e in actors(text))


def test_a_link_is_never_a_name() -> None:
    text = (
        "London: Massive Crowds Gather to Hear Geert Wilders Demand Tommy Robinson's Release "
        "https://t.co/VIddLmcZx9 via @BreitbartNews — Geert Wilders (@geertwilderspvv) June 9"
    )
    assert not any("http" in e["name"] for e in actors(text))


def test_every_mention_points_at_its_own_text() -> None:
    article = EntitiesStage(options=Options())(plain(FOH))
    for entity in article.entities:
        for span in (*entity.mentions, *entity.labels):
            assert 0 <= span.start < span.end <= len(FOH)


def test_a_title_case_headline_does_not_run_a_name_into_the_words_after_it() -> None:
    text = (
        "Silva Accuser Posts Doctor's Report Naming Her As Alleged Abuser\n"
        "The accuser published a report on Monday. Ana Silva has denied any abuse and "
        "said the report was false. The posts were shared widely."
    )
    found = {e["name"] for e in actors(text)}
    assert "Silva Accuser" not in found and not any("Posts" in n for n in found)
    assert "Silva" in names(actor(text, "Ana Silva"))


def test_a_title_case_headline_is_read_as_the_sentence_it_is() -> None:
    text = (
        "Ana Silva to Sue Tomas Rell Over \u2018Gross Mismanagement\u2019 of Elections\n"
        "Ana Silva said on Friday that she would take Interior Minister Tomas Rell to court "
        "over the gross mismanagement of the elections. Rell denied it."
    )
    found = {e["name"] for e in actors(text)}
    assert "Sue Tomas Rell" not in found and "Interior" not in found
    assert len(actor(text, "Tomas Rell")["mentions"]) == 3


def test_a_label_in_a_title_case_headline_is_read_as_in_a_sentence() -> None:
    text = (
        "Tomas Rell Calls Ana Silva a Liar Over Police Shooting Comments\n"
        "Interior Minister Tomas Rell on Wednesday criticised Ana Silva for her comments on "
        "the police shooting. Silva said she stood by her comments."
    )
    assert "Liar" in labels(actor(text, "Ana Silva"))


def test_the_country_is_no_place_within_one_and_the_state_of_is_no_label() -> None:
    text = (
        "Ana Silva spoke in Vermont on Friday. She said the country had spent years on it. "
        "She will sue the state of Georgia, and the sanctuary state of California too."
    )
    assert all(e["name"] != "Vermont" or not e["labels"] for e in actors(text))
    assert "state" not in labels(actor(text, "Georgia"))
    assert "sanctuary state" in labels(actor(text, "California"))


def test_an_organisation_before_a_title_is_still_an_organisation() -> None:
    text = "The European Commission secretary general said on Monday that talks would resume."
    assert actor(text, "European Commission")["type"] == "organization"


def test_a_group_is_named_as_written_without_a_sentence_s_capital() -> None:
    text = "Donald Trump spoke. Trump supporters rallied. Local officials said it was calm."
    found = {e["name"] for e in actors(text)}
    assert {"Trump supporters", "local officials"} <= found


def test_a_possessor_s_people_are_the_possessor_s_not_a_group_of_their_own() -> None:
    text = "Ana Silva spoke on Monday. Later, Peter Novak's lawyers appealed the ruling."
    lawyers = actor(text, "Peter Novak's lawyers")
    assert lawyers["type"] == "group" and labels(lawyers) == {"lawyers"}
    assert actor(text, "Peter Novak")["type"] == "person"
    assert {e["name"] for e in actors(text) if e["type"] == "group"} == {"Peter Novak's lawyers"}


def test_someone_named_by_whose_they_are_is_one_actor_under_each_mention() -> None:
    text = (
        "Karen Monahan said she was abused. Her son posted the allegations on Twitter. "
        "Monahan said her son was bullied. Later the son said he was proud of her."
    )
    son = actor(text, "Karen Monahan's son")
    assert son["type"] == "person"
    assert [m["text"] for m in son["mentions"]] == ["son", "son", "son"]
    assert actor(text, "Karen Monahan")["labels"] == []


def test_a_campaign_is_its_candidate_s_and_a_name_s_is_written_as_the_article_does() -> None:
    text = (
        "Bernie Sanders spoke on Friday. He said his campaign had done nothing wrong. "
        "CNN\u2019s lawyers called the note an insult."
    )
    campaign = actor(text, "Bernie Sanders' campaign")
    assert campaign["type"] == "organization" and labels(campaign) == {"campaign"}
    assert actor(text, "CNN\u2019s lawyers")["type"] == "group"


@pytest.mark.parametrize(
    "text",
    [
        "Karen Monahan spoke. \u201cMy son is getting bullied,\u201d she said.",  # whose "my"?
        "The protesters marched. Their lawyers said they would appeal.",
        "Karen Monahan spoke. She said her supporters were loyal.",  # no relation: a group
        "The panel met on Monday. His son was there.",  # no one named before "his"
    ],
)
def test_a_description_whose_owner_is_unknown_or_that_names_no_relation_makes_none(
    text: str,
) -> None:
    assert not any("'" in e["name"] or "\u2019" in e["name"] for e in actors(text))


def test_a_handle_says_nothing_of_its_owner_s_type() -> None:
    text = "\u2014 CBS Evening News (@CBSEveningNews) August 16, 2018. CBS Evening News said so."
    assert actor(text, "CBS Evening News")["type"] == "organization"


def test_a_headline_word_the_article_writes_capitalised_stays_a_name() -> None:
    text = (
        "Daily Ledger Sues Jan Novak Over Press Pass\n"
        "The Daily Ledger said on Monday that Novak had barred its reporter."
    )
    assert "Daily Ledger" in {e["name"] for e in actors(text)}
    assert "Jan Novak" in {e["name"] for e in actors(text)}


def test_someone_brought_in_without_a_name_who_acts_is_an_actor_of_their_own() -> None:
    text = (
        "Scott was killed on Tuesday. A federal judge denied bail on Wednesday. "
        "An FBI official told the New York Daily News that the case was closed."
    )
    judge = actor(text, "federal judge")
    assert judge["type"] == "person" and labels(judge) == {"federal judge"}
    assert labels(actor(text, "FBI official")) == {"FBI official"}
    assert actor(text, "FBI")["type"] == "organization"


def test_two_people_brought_in_alike_are_two_actors() -> None:
    text = "The post spread fast. One user wrote that it was fun. Another user wrote it was sad."
    assert [e["name"] for e in actors(text)].count("user") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Ana Silva spoke. She is a Haitian national.",  # a predicate
        "Ana Silva spoke. If a reporter asks, she answers.",  # if
        "Ana Silva spoke. A reporter should ask her first.",  # in general
        "Ana Silva spoke. A woman by the name of Karen Monahan accused him.",  # named
        "Ana Silva spoke. A pope who listens would have acted.",  # singled out
        "One protest organizer says the platform ignores the movement.",  # the first sentence
        "Ana Silva spoke. Scott was shot by a police officer.",  # not a subject
    ],
)
def test_a_description_that_brings_in_no_one_new_who_acts_makes_no_actor(text: str) -> None:
    newcomers = {"Haitian national", "reporter", "woman", "pope", "protest organizer"}
    assert not (newcomers | {"police officer"}) & {e["name"] for e in actors(text)}


def test_a_title_that_says_whose_someone_is_is_a_label() -> None:
    text = "Sessions recused himself. That gave the reins to his deputy Rod Rosenstein."
    assert labels(actor(text, "Rod Rosenstein")) == {"deputy"}
    assert labels(actor("Later President Barack Obama spoke.", "Barack Obama")) == set()


def test_a_definite_group_with_a_head_of_its_own_joins_the_group_the_passage_is_about() -> None:
    text = (
        "Police arrested five former residents of the compound. All five adults were charged. "
        "A lawyer said the suspects would plead not guilty."
    )
    residents = actor(text, "former residents")
    assert {"suspects", "adults"} <= labels(residents)


def test_a_definite_group_joins_no_group_mentioned_only_once() -> None:
    text = "Police arrested former residents of the compound. A lawyer said the suspects fled."
    assert "suspects" not in labels(actor(text, "former residents"))


@pytest.mark.parametrize(
    "text",
    [
        "Karen Monahan, the woman who accused Keith Ellison of abuse, spoke on Monday. "
        "Ellison said he never did it. Democrats doubt his accuser.",
        "Christine Ford has accused Brett Kavanaugh of assault. Kavanaugh's accuser spoke.",
        "Christine Ford alleges Brett Kavanaugh held her down. Kavanaugh's accuser spoke.",
    ],
)
def test_someone_s_accuser_is_the_one_the_article_has_accuse_them(text: str) -> None:
    accuser = next(e for e in actors(text) if e["name"] in ("Karen Monahan", "Christine Ford"))
    assert "accuser" in labels(accuser)


def test_an_accuser_of_someone_accused_by_two_is_no_one_of_them() -> None:
    text = (
        "Ana Silva accused Peter Novak of fraud. Tom Brix accused Peter Novak of theft. "
        "Novak's accuser spoke."
    )
    assert all("accuser" not in labels(e) for e in actors(text))


def test_a_newcomer_named_soon_after_by_their_role_is_that_person() -> None:
    text = (
        "Police said so. A federal judge denied bail on Wednesday to five members of a family. "
        "Magistrate Judge Kirtan Khalsa said there was clear evidence."
    )
    assert "federal judge" in labels(actor(text, "Kirtan Khalsa"))
    assert "federal judge" not in {e["name"] for e in actors(text)}


@pytest.mark.parametrize(
    ("text", "named", "label"),
    [
        (
            "Ryan remains confident despite a few early supporters of the bill, such as "
            "senator Bob Corker and Lindsey Graham, having second thoughts.",
            ["Bob Corker", "Lindsey Graham"],
            "early supporters",
        ),
        ("Critics, including Ana Silva, spoke on Monday.", ["Ana Silva"], "Critics"),
    ],
)
def test_a_plural_for_people_labels_each_name_it_is_shown_by(
    text: str, named: list[str], label: str
) -> None:
    for name in named:
        assert label in labels(actor(text, name))


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "By now, we have all heard of Jesus Campos. He\u2019s the heroic security guard "
            "that located the shooter.",
            "Jesus Campos",
            "heroic security guard",
        ),
        (
            "Jeff Sessions was a campaign adviser and the first sitting senator to endorse him.",
            "Jeff Sessions",
            "first sitting senator",
        ),
    ],
)
def test_a_predicate_labels_its_subject_however_the_copula_is_written_or_joined(
    text: str, name: str, label: str
) -> None:
    assert label in labels(actor(text, name))


def test_a_role_before_a_name_stops_at_a_conjunction() -> None:
    text = "Republican candidate Donald Trump and Democratic candidate Hillary Clinton met."
    assert labels(actor(text, "Hillary Clinton")) == {"Democratic candidate"}


def test_two_owners_relations_are_two_actors() -> None:
    text = (
        "Donald Trump met Hillary Clinton on Monday. Trump said he was tired. His lawyer "
        "said no. Clinton said she was ready. Her lawyer said yes."
    )
    lawyers = [e for e in actors(text) if e["name"].endswith("lawyer")]
    assert sorted(e["name"] for e in lawyers) == [
        "Donald Trump's lawyer",
        "Hillary Clinton's lawyer",
    ]


def test_the_kavanaugh_accuser_is_the_one_who_accuses_him() -> None:
    text = "Christine Ford has accused Brett Kavanaugh of assault. The Kavanaugh accuser spoke."
    assert "accuser" in labels(actor(text, "Christine Ford"))


def test_a_relation_is_labelled_by_its_head_not_by_its_owner_s_name() -> None:
    text = "Peter Novak lost. Ana Silva said Peter Novak's son hid the weapons."
    assert labels(actor(text, "Peter Novak's son")) == {"son"}


@pytest.mark.parametrize(
    "text",
    [
        "Ana Silva spoke. When a reporter asks, she answers.",
        "Ana Silva spoke. Whenever a reporter asks, she answers.",
        "Ana Silva spoke. If a reporter asks, she answers.",
    ],
)
def test_someone_said_of_any_time_or_case_is_no_newcomer(text: str) -> None:
    assert "reporter" not in {e["name"] for e in actors(text)}


def test_someone_who_acted_at_a_time_in_the_past_is_a_newcomer() -> None:
    text = "Acosta spoke on. The reporter asked again before a female White House aide walked over."
    assert "female White House aide" in {e["name"] for e in actors(text)}


def test_a_definite_group_joins_no_group_where_two_are_referred_to_in_the_passage() -> None:
    text = (
        "Five police officers arrested two protesters. All five officers were praised. "
        "Both protesters were held. The two protesters were charged. A lawyer said the "
        "suspects were innocent."
    )
    assert all("suspects" not in labels(e) for e in actors(text))


def test_a_word_for_a_state_joins_no_group_of_people() -> None:
    text = (
        "Rell called its leaders a gang. The leaders fled. Later the leaders returned. "
        "Every time the economy stumbles, the authorities find a new enemy within."
    )
    assert "authorities" not in labels(actor(text, "leaders"))


def test_a_hyphened_role_before_a_name_is_a_label() -> None:
    text = "Sanders told co-host Joe Scarborough that he was wrong."
    assert labels(actor(text, "Joe Scarborough")) == {"co-host"}


def test_a_role_word_before_a_name_in_apposition_is_a_label() -> None:
    text = "But the imam Siraj Wahhaj is here engaging in propaganda."
    assert labels(actor(text, "Siraj Wahhaj")) == {"imam"}


def test_an_online_platform_is_no_person_a_pronoun_refers_to() -> None:
    text = (
        "Karen Monahan spoke on Friday. Her son posted the allegations on Twitter as his "
        "mother posted them to Twitter."
    )
    platform = actor(text, "Twitter")
    assert platform["type"] == "organization"
    assert "mother" not in labels(platform)


def test_one_of_a_set_is_a_label() -> None:
    text = "He met Donald Wuerl, one of the cardinals accused of silence."
    assert labels(actor(text, "Donald Wuerl")) == {"one of the cardinals"}


def test_capitalised_words_that_end_in_a_role_are_no_name() -> None:
    text = (
        "\u201cWe will go on,\u201d Eighth Judicial District Attorney Donald Gallegos said. "
        "Posted by Eighth Judicial District Attorney on Thursday."
    )
    assert {e["name"] for e in actors(text)} == {"Donald Gallegos"}
    assert labels(actor(text, "Donald Gallegos")) == {"Eighth Judicial District Attorney"}


def test_a_role_in_a_quoted_headline_refers_to_the_actor_with_that_role() -> None:
    text = (
        "The court denies most requests for bail, residents said.\n"
        "\u201cFederal Judge Denies New Mexico Compound Residents Bail,\u201d by Vanessa Romo, "
        "KRWG, September 13, 2018:\n"
        "Magistrate Judge Kirtan Khalsa told the defendants that they were a danger."
    )
    assert "Judge" in labels(actor(text, "Kirtan Khalsa"))


@pytest.mark.parametrize(
    "text",
    [
        "Lawsuits about Hillary Clinton's tenure as secretary of state were filed.",
        "Hillary Clinton spoke. Supporters cited her years as secretary of State.",
    ],
)
def test_a_role_held_as_something_of_the_actor_is_a_label(text: str) -> None:
    assert labels(actor(text, "Hillary Clinton")) == {"secretary"}


def test_the_next_item_of_a_list_is_no_appositive() -> None:
    text = (
        "If the veto were overridden, the United States government, U.S. service members, "
        "U.S. diplomats, and even U.S. companies could be sued."
    )
    assert all(not labels(e) & {"U.S. service members", "U.S. diplomats"} for e in actors(text))


def test_a_lone_adjective_before_a_group_is_no_label() -> None:
    text = "If the suspects were white Christians shooting guns, no one would care, he said."
    assert all("white" not in labels(e) for e in actors(text))
    text = "The sheriff released Mexican national Jose Ines Garcia Zarate in 2015."
    assert "Mexican national" in labels(actor(text, "Jose Ines Garcia Zarate"))


def test_my_in_an_embedded_post_is_its_author() -> None:
    text = (
        "Karen Monahan spoke on Friday.\n"
        "I am so proud of my son for his courage.\n"
        "No nasty comments to him https://t.co/UC84loHz1m \u2014 Karen Monahan "
        "(@KarenMonahan01) August 12, 2018\n"
        "What my son said is true. \u2014 Karen Monahan (@KarenMonahan01) August 12, 2018\n"
    )
    son = actor(text, "Karen Monahan's son")
    assert len([m for m in son["mentions"] if m["text"] == "son"]) == 2


def test_kin_named_with_the_owner_s_surname_is_that_person() -> None:
    text = (
        "Karen Monahan spoke on Friday. Her son, Austin Monahan, backed her. "
        "Karen Monahan said her son was brave."
    )
    assert "son" in labels(actor(text, "Austin Monahan"))
    assert all(e["name"] != "Karen Monahan's son" for e in actors(text))


def test_a_capitalised_head_is_part_of_a_name_not_a_description() -> None:
    text = (
        "Siraj Ibn Wahhaj was charged on Friday. He intended to seek an indictment, "
        "The Durango Herald reported."
    )
    assert "Durango Herald" not in labels(actor(text, "Siraj Ibn Wahhaj"))
    text = "Keith Ellison spoke. A woman came forward to say the Democrat had abused her."
    assert "Democrat" in labels(actor(text, "Keith Ellison"))


def test_capitalised_words_of_a_title_case_headline_are_no_title_of_a_name() -> None:
    text = (
        "Pit Bull Journalist Hounds Keith Ellison Over Abuse Of Women\n\n"
        "Investigative journalist Laura Loomer tracked down Rep. Keith Ellison at an event. "
        "Loomer asked Ellison about the police reports."
    )
    assert "Journalist" not in labels(actor(text, "Keith Ellison"))


def test_an_ex_role_is_one_word_that_refers_and_relates() -> None:
    text = (
        "Ivana Trump was married to Donald Trump until 1992. Donald Trump said he would fight. "
        "The GOP presidential nominee argued that divorce files are off-limits. His ex-wife "
        "agreed."
    )
    assert "ex-wife" in labels(actor(text, "Ivana Trump"))
    text = "Karen Monahan, who accuses ex-boyfriend Rep. Keith Ellison of domestic abuse, spoke."
    assert labels(actor(text, "Keith Ellison")) == {"ex-boyfriend Rep."}


def test_a_definite_description_doing_something_refers_back() -> None:
    text = (
        "Karen Monahan has spoken out. Keith Ellison denied it. The ex-girlfriend accusing "
        "Keith Ellison of abuse told her doctor in 2017."
    )
    assert "ex-girlfriend" in labels(actor(text, "Karen Monahan"))


def test_a_noun_joined_to_a_definite_one_is_definite_too() -> None:
    text = (
        "CNN sued on behalf of its reporter Jim Acosta. The ban violated the rights of the "
        "network and reporter."
    )
    assert [m["text"] for m in actor(text, "Jim Acosta")["mentions"]] == ["Jim Acosta", "reporter"]
    assert [m["text"] for m in actor(text, "CNN")["mentions"]] == ["CNN", "network"]


@pytest.mark.parametrize(
    "text, signed",
    [
        ("My well-known son is lying - Karen Monahan (@K) August 12, 2018", "My well-known"),
        ("Please share. Posted by Austin Monahan on Saturday, August 11, 2018", "Please share."),
        ("\u2014 Karen Monahan (@K) August 12, 2018", ""),
    ],
)
def test_a_post_runs_from_its_text_to_its_signature(text: str, signed: str) -> None:
    (post,) = posts(text)
    assert text[post.start : post.end].strip().startswith(signed)
    assert text[post.author[0] : post.author[1]] in ("Karen Monahan", "Austin Monahan")


def test_a_post_stops_at_a_blank_line() -> None:
    text = (
        "Jane Smith said my son is innocent.\n\n"
        "My son is great. \u2014 Karen Monahan (@K) May 2, 2018"
    )
    (post,) = posts(text)
    assert text[post.start : post.end] == "My son is great. "


def test_a_role_as_given_to_an_object_is_the_object_s() -> None:
    text = "The senators confirmed Jan Novak as secretary of state. Ana Silva agreed."
    assert "secretary" in labels(actor(text, "Jan Novak"))
    text = "Donald Trump's description of Hillary Clinton as a liar was wrong."
    assert labels(actor(text, "Donald Trump")) == set()


def test_an_appositive_joined_by_and_is_one_label() -> None:
    text = "He met Jan Novak, a lawyer and activist, on Monday."
    assert labels(actor(text, "Jan Novak")) == {"lawyer and activist"}


def test_kin_of_the_wrong_gender_is_no_namesake() -> None:
    text = (
        "Bill Clinton spoke on Monday. He was tired. Hillary Clinton said her daughter would "
        "campaign. Her daughter is busy."
    )
    assert "daughter" not in labels(actor(text, "Bill Clinton"))
