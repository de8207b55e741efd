"""The accusations stage on hand-written sentences: each accusation and denial shape, evidence
and counter-evidence, and the graph export read back with networkx."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pytest

from conftest import plain
from unspin.article import Article, Span
from unspin.options import Options
from unspin.report import render_files
from unspin.stages.accusations import AccusationsStage
from unspin.stages.entities import EntitiesStage


def analysed(text: str) -> Article:
    options = Options()
    article = AccusationsStage(options=options)(EntitiesStage(options=options)(plain(text)))
    article.stages += ["entities", "accusations"]
    return article


def edges(text: str) -> list[tuple[str | None, str | None, str, str]]:
    """(accuser name, accused name, cue, allegation) of each accusation found."""
    report = analysed(text).to_dict()
    names = {e["id"]: e["name"] for e in report["entities"]}
    return [
        (
            names.get(a["accuser"]) if a["accuser"] else None,
            names.get(a["accused"]),
            a["cue"]["text"],
            a["allegation"]["text"],
        )
        for a in report["accusations"]
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Interior Minister Tomas Rell accused the National Renewal Front of plotting attacks.",
            ("Tomas Rell", "National Renewal Front", "accused", "plotting attacks"),
        ),
        (
            "Ana Silva blamed Jan Novak for the deaths of three workers.",
            ("Ana Silva", "Jan Novak", "blamed", "the deaths of three workers"),
        ),
        (
            "Ana Silva blamed the deaths of three workers on Jan Novak.",
            ("Ana Silva", "Jan Novak", "blamed", "the deaths of three workers"),
        ),
        (
            "Ana Silva blamed the crisis on the policies of Jan Novak.",
            ("Ana Silva", "Jan Novak", "blamed", "the crisis"),
        ),
        (
            "A grand jury indicted Jan Novak on Tuesday on bribery charges.",
            (None, "Jan Novak", "indicted", "bribery charges"),
        ),
        (
            "Prosecutors charged Jan Novak with fraud.",
            ("prosecutors", "Jan Novak", "charged", "fraud"),
        ),
        (
            "Ana Silva called Jan Novak a liar.",
            ("Ana Silva", "Jan Novak", "called", "a liar"),
        ),
        (
            "Ana Silva branded the Open Hand Movement as extremists.",
            ("Ana Silva", "Open Hand Movement", "branded", "extremists"),
        ),
        (
            "Jan Novak was accused of bribery by Ana Silva.",
            ("Ana Silva", "Jan Novak", "accused", "bribery"),
        ),
        (
            "Ana Silva claimed that Jan Novak had plotted a coup.",
            ("Ana Silva", "Jan Novak", "claimed", "had plotted a coup"),
        ),
        (
            "Jan Novak allegedly bribed two judges.",
            (None, "Jan Novak", "allegedly", "bribed two judges"),
        ),
        (
            "Chris Dale described Democratic nominee Ana Silva as a disgrace on Wednesday.",
            ("Chris Dale", "Ana Silva", "described", "a disgrace on Wednesday"),
        ),
        (
            "The caller reported that she was assaulted by Jan Novak.",
            (None, "Jan Novak", "reported", "was assaulted"),
        ),
        (
            "On Monday a woman by the name of Ana Silva accused Jan Novak of fraud.",
            ("Ana Silva", "Jan Novak", "accused", "fraud"),
        ),
        (
            "Jan Novak faced domestic violence allegations that were brought against him by "
            "Ana Silva.",
            ("Ana Silva", "Jan Novak", "allegations", "domestic violence"),
        ),
        (
            "Ana Silva is not the only woman to make abuse accusations against Jan Novak.",
            ("Ana Silva", "Jan Novak", "accusations", "abuse"),
        ),
        (
            "Ana Silva said Jan Novak was guilty of fraud — something a caller also told the "
            "police.",  # the parser hangs the appositive on the subject
            (
                "Ana Silva",
                "Jan Novak",
                "said",
                "was guilty of fraud — something a caller also told the police",
            ),
        ),
        (
            "Ana Silva called on Jan Novak to apologize for accusing Bob Ray of fraud.",
            ("Jan Novak", "Bob Ray", "accusing", "fraud"),
        ),
        (
            "Ana Silva urged Jan Novak to stop blaming Bob Ray for the deaths.",
            ("Jan Novak", "Bob Ray", "blaming", "the deaths"),
        ),
        (
            "Ana Silva, a former judge who was accused of taking bribes, resigned.",
            (None, "Ana Silva", "accused", "taking bribes"),
        ),
        (
            "Jan Novak spoke. He is alleged to have beaten her to death.",
            (None, "Jan Novak", "alleged", "beaten her to death"),
        ),
        (
            "Ana Silva alleges Jan Novak cornered her in a room.",  # no wrong word needed
            ("Ana Silva", "Jan Novak", "alleges", "cornered her in a room"),
        ),
        (
            "Ana Silva described an alleged attack by Jan Novak.",
            (None, "Jan Novak", "alleged", "attack"),
        ),
        (
            "Jan Novak, the suspect in the alleged murder of a physician, was arrested.",
            (None, "Jan Novak", "alleged", "murder of a physician"),
        ),
        (
            "Ana Silva's federal lawsuit alleges that Jan Novak was overzealous.",
            ("Ana Silva", "Jan Novak", "alleges", "was overzealous"),
        ),
        (
            "An article written by Ana Silva accuses Jan Novak of exploiting a phony perception.",
            ("Ana Silva", "Jan Novak", "accuses", "exploiting a phony perception"),
        ),
        (
            "Ana Silva has released a video that accuses Jan Novak of lying to refugees.",
            ("Ana Silva", "Jan Novak", "accuses", "lying to refugees"),
        ),
        (
            "Ana Silva criticized Jan Novak before, tweeting in June that the inquiry went on "
            "because Novak lied to her.",  # what the saying with the cue says
            (
                "Ana Silva",
                "Jan Novak",
                "criticized",
                "the inquiry went on because Novak lied to her",
            ),
        ),
        (
            "The attack was blamed on the alleged lone gunman Stephen Paddock.",
            (None, "Stephen Paddock", "alleged", "lone gunman"),
        ),
        (
            "Ana Silva cited problems abroad that she blamed on the policies of Jan Novak.",
            ("Ana Silva", "Jan Novak", "blamed", "problems abroad"),
        ),
        (
            "The alleged shooter, Jan Novak, was arrested.",
            (None, "Jan Novak", "alleged", "shooter"),
        ),
        (
            "Jan Novak hinted that the Interior Ministry had covered up the attack.",
            ("Jan Novak", "Interior Ministry", "hinted", "had covered up the attack"),
        ),
        (
            "Police arrested Jan Novak, a banker accused of fraud, on Monday.",
            (None, "Jan Novak", "accused", "fraud"),
        ),
        (
            "Police arrested Jan Novak on fraud charges.",
            (None, "Jan Novak", "charges", "fraud"),
        ),
        (
            "Jan Novak faces fraud and bribery charges.",
            (None, "Jan Novak", "charges", "fraud and bribery"),
        ),
        (
            "The Interior Ministry is prosecuting Jan Novak for fraud.",
            ("Interior Ministry", "Jan Novak", "prosecuting", "fraud"),
        ),
        (
            "The suspected gunman, Jan Novak, was arrested on Monday.",
            (None, "Jan Novak", "suspected", "gunman"),
        ),
        (
            "Police arrested accused killer Jan Novak on Monday.",
            (None, "Jan Novak", "accused", "killer"),
        ),
        (
            "The Daily Ledger sued Jan Novak for barring its reporter.",
            ("Daily Ledger", "Jan Novak", "sued", "barring its reporter"),
        ),
        (
            "The Daily Ledger has filed a lawsuit against Jan Novak over the revocation of "
            "its press pass.",
            ("Daily Ledger", "Jan Novak", "lawsuit", "the revocation of its press pass"),
        ),
        (
            "The Daily Ledger sued Jan Novak and top Interior Ministry aides for barring its "
            "reporter.",
            ("Daily Ledger", "top Interior Ministry aides", "sued", "barring its reporter"),
        ),
        (
            "Tomas Rell on Wednesday called on Ana Silva to apologize for her remarks.",
            ("Tomas Rell", "Ana Silva", "apologize", "her remarks"),
        ),
        (
            "Ana Silva demanded that Jan Novak apologise over the smear.",
            ("Ana Silva", "Jan Novak", "apologise", "the smear"),
        ),
    ],
)
def test_each_accusation_shape(text: str, expected: tuple[Any, ...]) -> None:
    assert expected in edges(text)


def test_a_group_of_organisations_accuses_too() -> None:
    text = (
        "Ana Silva, a lawyer, and three civil rights groups accused Jan Novak of fraud. "
        "Several news outlets accused Novak of using a doctored video."
    )
    found = {(accuser, accused) for accuser, accused, _, _ in edges(text)}
    assert {("civil rights groups", "Jan Novak"), ("news outlets", "Jan Novak")} <= found


def test_an_accusation_with_two_accusers_is_one_edge_each() -> None:
    found = edges("Ana Silva and the Open Hand Movement accused Jan Novak of fraud.")
    accusers = {accuser for accuser, accused, *_ in found if accused == "Jan Novak"}
    assert accusers == {"Ana Silva", "Open Hand Movement"}


def test_loaded_language_the_techniques_stage_found_makes_a_claim_an_accusation() -> None:
    text = "Tom Brix said that Ana Silva has staged a publicity stunt."
    assert edges(text) == []  # no word of it is negative in VADER's lexicon
    options = Options()
    article = EntitiesStage(options=options)(plain(text))
    stunt = text.index("a publicity stunt")
    loaded = Span(
        stunt,
        stunt + len("a publicity stunt"),
        "Loaded_Language",
        {"confidence": 0.9, "source": "test"},
    )
    article.add("techniques", loaded)
    report = AccusationsStage(options=options)(article).to_dict()
    names = {e["id"]: e["name"] for e in report["entities"]}
    found = [(names[a["accuser"]], names[a["accused"]]) for a in report["accusations"]]
    assert found == [("Tom Brix", "Ana Silva")]


def test_a_name_inside_a_clause_that_describes_the_accused_is_not_the_accused() -> None:
    text = (
        "Most people removed from the interior of the United States had been convicted of "
        "a criminal offense."
    )
    assert edges(text) == []


def test_an_alleged_victim_is_not_accused() -> None:
    assert edges("The alleged victim, Ana Silva, spoke to Jan Novak.") == []


def test_a_neutral_report_said_of_someone_is_no_accusation() -> None:
    assert edges("Jan Novak spoke. He is said to have eaten lunch with Ana Silva.") == []


def test_a_negated_cue_is_no_accusation() -> None:
    assert edges("Ana Silva did not accuse Jan Novak of fraud.") == []


def test_a_death_reported_is_no_accusation_of_the_dead() -> None:
    assert edges("Police Chief Joe Dale said officer Eric Jorin died at the scene.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Her lawyer Tom Brix said Amber Guyger is devastated.",
        "Ana Silva said Jan Novak was distressed when he learned about it.",
    ],
)
def test_a_feeling_reported_is_no_accusation(text: str) -> None:
    assert edges(text) == []


def test_calling_someone_something_good_is_no_accusation() -> None:
    assert edges("Ana Silva described Jan Novak as a hero of the city.") == []


def test_allegedly_done_to_someone_accuses_the_doer_not_them() -> None:
    assert edges("Ana Silva was allegedly beaten by Jan Novak.") == [
        (None, "Jan Novak", "allegedly", "beaten")
    ]
    assert edges("Voters argue that they were allegedly disenfranchised by the count.") == []


def test_charged_with_is_no_claim_about_the_clause_before_it() -> None:
    text = "Both men were arrested; Jan Novak was charged with harboring a fugitive."
    assert edges(text) == [(None, "Jan Novak", "charged", "harboring a fugitive")]
    assert edges("It was alleged that Mayor Jan Novak took bribes.") == [
        (None, "Jan Novak", "alleged", "took bribes")
    ]


def test_allegedly_after_the_doer_still_gives_what_was_done() -> None:
    text = "Officials said the victim was beaten by Jan Novak allegedly."
    assert (None, "Jan Novak", "allegedly", "beaten") in edges(text)


def test_examples_after_such_as_are_not_what_someone_is_called() -> None:
    text = "Hackers exposed information such as the Social Security numbers of donors."
    assert edges(text) == []


def test_a_claim_that_is_no_wrong_is_no_accusation() -> None:
    assert edges("Ana Silva claimed that Jan Novak had won the vote.") == []


def test_a_claim_whose_verb_reaches_a_noun_naming_a_wrong_accuses() -> None:
    text = "Ana Silva said Jan Novak had a plan to prepare for violent attacks on schools."
    assert edges(text) == [
        ("Ana Silva", "Jan Novak", "said", "had a plan to prepare for violent attacks on schools")
    ]


def test_a_claim_of_taking_drugs_accuses() -> None:
    text = "Howard Dean suggested that Donald Trump uses cocaine."
    assert edges(text) == [("Howard Dean", "Donald Trump", "suggested", "uses cocaine")]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Silva said Jan Novak complied with police orders and left the area.",
        "Ana Silva said Jan Novak had a plan to rebuild the port.",
        "Ana Silva said Jan Novak fought drugs in the city for years.",
        "Ana Silva said Jan Novak found documents that described an attack.",
        "Ana Silva said Jan Novak condemned the attack.",
        "Ana Silva said Jan Novak survived the attack and fought corruption for years.",
    ],
)
def test_a_claim_whose_nouns_name_no_wrong_done_is_no_accusation(text: str) -> None:
    assert edges(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Jan Novak rejected a contention by Ana Silva that Novak had bribed the judges.",
            ("Ana Silva", "Jan Novak", "contention", "had bribed the judges"),
        ),
        (
            "Ana Silva has made claims of fraud against Jan Novak.",
            ("Ana Silva", "Jan Novak", "claims", "fraud"),
        ),
    ],
)
def test_a_saying_noun_reports_an_accusation(text: str, expected: tuple[Any, ...]) -> None:
    assert edges(text) == [expected]


def test_charges_after_an_accusing_verb_are_its_own_frame_only() -> None:
    found = edges("A grand jury indicted Jan Novak on Tuesday on fraud charges.")
    assert found == [(None, "Jan Novak", "indicted", "fraud charges")]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Silva's claim that Jan Novak had won the vote was false.",
        "Jan Novak welcomed Ana Silva's claim that he had not bribed the judges.",
        "Ana Silva made arguments against Jan Novak over the budget.",
    ],
)
def test_a_claim_that_someone_did_no_wrong_is_no_accusation(text: str) -> None:
    assert edges(text) == []


def test_a_body_that_says_it_stopped_a_wrong_accuses_only_the_wrongdoer() -> None:
    text = (
        "The government of Valdoria spoke. Regional police claimed they had disrupted a "
        '"terrorist plot" by the Open Hand Movement.'
    )
    assert [(a, b) for a, b, *_ in edges(text)] == [("regional police", "Open Hand Movement")]


def test_a_pronoun_accused_is_not_the_accuser_it_would_otherwise_point_back_to() -> None:
    text = "Jan Novak dismissed Ana Silva's claim that he had rigged the vote."
    assert edges(text) == [("Ana Silva", "Jan Novak", "claim", "had rigged the vote")]


def test_naming_someone_as_a_wrongdoer_accuses() -> None:
    text = "Records show that Ana Silva named Jan Novak as her abuser."
    assert edges(text) == [("Ana Silva", "Jan Novak", "named", "her abuser")]


def test_a_role_before_an_appositive_name_accuses_as_that_name() -> None:
    text = (
        "Stacey Abrams lost. Abrams' Republican challenger, Secretary of State Brian Kemp, "
        "has held the lead and charged that Abrams had lied to voters."
    )
    assert edges(text) == [("Brian Kemp", "Stacey Abrams", "charged", "had lied to voters")]


def test_a_wrong_claimed_of_an_actors_thing_accuses_its_owner() -> None:
    text = (
        "Five defendants appeared in court on Monday. The defendants pleaded not guilty. "
        "Ana Silva said in a statement that the defendants' home hid the weapons."
    )
    assert edges(text) == [("Ana Silva", "defendants", "said", "hid the weapons")]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Silva said that Jan Novak was assaulted.",
        "Ana Silva argued that Jan Novak had been harassed.",
    ],
)
def test_a_wrong_claimed_to_be_done_to_someone_does_not_accuse_them(text: str) -> None:
    assert edges(text) == []


def test_being_tired_is_no_wrong_done() -> None:
    assert edges("Ana Silva said that Jan Novak is tired of waiting for justice.") == []


def test_a_wrong_claimed_of_an_actors_relative_accuses_the_relative_not_the_actor() -> None:
    found = edges("Peter Novak lost. Ana Silva said Peter Novak's son hid the weapons.")
    assert [(accuser, accused) for accuser, accused, *_ in found] == [
        ("Ana Silva", "Peter Novak's son")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Brix said Ana Silva had done nothing wrong.",
        "Tom Brix said Ana Silva never lied.",
        "Tom Brix said that Ana Silva has denied this allegation.",  # a denial reported
        "Tom Brix said Ana Silva had heard such jokes and did not find them offensive.",
    ],
)
def test_a_clause_that_denies_the_wrong_is_no_accusation(text: str) -> None:
    assert edges(text) == []


def test_an_accusation_reported_inside_a_quotation_is_still_between_its_own_actors() -> None:
    text = '"Ana Silva accused Jan Novak of fraud," the paper wrote.'
    assert ("Ana Silva", "Jan Novak", "accused", "fraud") in edges(text)


def test_a_pronoun_accuser_is_the_person_before_it() -> None:
    text = "Ana Silva spoke on Monday. She accused the Open Hand Movement of fraud."
    assert ("Ana Silva", "Open Hand Movement", "accused", "fraud") in edges(text)


@pytest.mark.parametrize(
    "denial",
    [
        "The Open Hand Movement denied the allegations.",
        "The Open Hand Movement rejected the claims as baseless.",
        "The Open Hand Movement dismissed the accusation.",
    ],
)
def test_a_denial_answers_the_accusation_against_the_denier(denial: str) -> None:
    text = "Tomas Rell accused the Open Hand Movement of plotting attacks. " + denial
    report = analysed(text).to_dict()
    (accusation,) = report["accusations"]
    (answer,) = accusation["denials"]
    movement = next(e["id"] for e in report["entities"] if e["name"] == "Open Hand Movement")
    assert answer["by"] == movement


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Jan Novak denied allegations that he had bribed the judges.",
            (None, "Jan Novak", "allegations", "had bribed the judges"),
        ),
        (
            "Jan Novak dismissed Ana Silva's claim that he had rigged the vote.",
            ("Ana Silva", "Jan Novak", "claim", "had rigged the vote"),
        ),
    ],
)
def test_a_denial_answers_the_accusation_its_object_names(
    text: str, expected: tuple[Any, ...]
) -> None:
    assert edges(text) == [expected]  # the denier is not the accuser of what they deny
    (accusation,) = analysed(text).to_dict()["accusations"]
    assert [d["text"] for d in accusation["denials"]] == [text.split()[2]]


def test_a_denial_of_that_claim_answers_the_accusation_just_before() -> None:
    text = (
        "Critics of the government say the defectors were paid for their testimony; "
        "the Interior Ministry rejected that claim as absurd."
    )
    (accusation,) = analysed(text).to_dict()["accusations"]
    assert [d["text"] for d in accusation["denials"]] == ["rejected"]


def test_evidence_and_counter_evidence_near_an_accusation() -> None:
    text = (
        "Police accused the Open Hand Movement of plotting attacks. Officers said they had "
        "found documents and a video. All eleven members were released for lack of evidence."
    )
    (accusation,) = analysed(text).to_dict()["accusations"]
    kinds = {(e["kind"], e["text"]) for e in accusation["evidence"]}
    assert ("evidence", "documents") in kinds
    assert ("evidence", "video") in kinds
    assert any(kind == "counter-evidence" and "lack of evidence" in t for kind, t in kinds)


GRAPH_TEXT = (
    "Tomas Rell accused the Open Hand Movement of plotting attacks. "
    "The Open Hand Movement denied the allegations. Jan Novak was charged with fraud."
)


def test_the_graph_export_reads_back_in_networkx() -> None:
    files = render_files(analysed(GRAPH_TEXT), "graph")
    graph = nx.read_graphml(io.BytesIO(files[".graphml"].encode("utf-8")))
    names = {data["name"]: node for node, data in graph.nodes(data=True)}
    rell, movement = names["Tomas Rell"], names["Open Hand Movement"]
    kinds = {(a, b, d["kind"]) for a, b, d in graph.edges(data=True)}
    assert (rell, movement, "accuses") in kinds
    assert (movement, rell, "denies") in kinds
    assert (names["(no accuser named)"], names["Jan Novak"], "accuses") in kinds
    linked = nx.node_link_graph(json.loads(files[".graph.json"]), edges="edges")
    assert sorted(linked.nodes) == sorted(graph.nodes)
    assert linked.number_of_edges() == graph.number_of_edges()


def test_an_accusation_in_a_title_case_headline() -> None:
    text = (
        "Ana Silva to Sue Tomas Rell Over \u2018Gross Mismanagement\u2019 of Elections\n"
        "Ana Silva said on Friday that she would take Interior Minister Tomas Rell to court. "
        "Rell denied it."
    )
    assert ("Ana Silva", "Tomas Rell", "Sue", "Gross Mismanagement\u2019 of Elections") in edges(
        text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jan Novak apologized to Ana Silva for his remarks.",
        "Ana Silva criticised Jan Novak. Novak told reporters he would apologize for the remarks.",
        "Ana Silva did not ask Jan Novak to apologize for the remarks.",
    ],
)
def test_an_apology_made_offered_or_not_asked_for_is_no_accusation(text: str) -> None:
    assert [e for e in edges(text) if e[2].startswith("apolog")] == []


def test_calling_oneself_something_is_no_accusation() -> None:
    assert edges("On the campaign trail, Jan Novak describes himself as a ruthless fighter.") == []


def test_a_pronoun_for_the_thing_denied_is_no_accused() -> None:
    text = (
        "Reporters asked the Renewal Front about it. The Renewal Front denied the allegations, "
        "calling them baseless lies. Police arrested the suspects, calling them terrorists."
    )
    found = edges(text)
    assert all(cue != "calling" or accused == "suspects" for _, accused, cue, _ in found)
    assert ("police", "suspects", "calling", "terrorists") in found


def test_who_is_willing_to_say_it_accuses() -> None:
    text = "Jan Novak is willing to say that Ana Silva rigged the vote."
    assert [e[:2] for e in edges(text)] == [("Jan Novak", "Ana Silva")]


def test_not_enough_to_dismiss_is_no_denial() -> None:
    text = (
        "Tomas Rell accused the Open Hand Movement of plotting attacks. The Open Hand Movement "
        "said such reasons are not enough to dismiss the allegations."
    )
    (accusation,) = analysed(text).to_dict()["accusations"]
    assert accusation["denials"] == []


POST = (
    "Keith Ellison denied it.\n"
    "@keithellison, you know you did that to me.\n"
    "Even now, u r willing to say my son is lying \u2014 Karen Monahan (@KarenMonahan01) "
    "August 12, 2018\n"
    "Her son, Austin Monahan, wrote on Facebook."
)  # an embedded tweet that speaks to a handle, and its signature


def test_you_in_a_post_that_speaks_to_a_handle_is_the_handle_s_owner() -> None:
    report = analysed(POST).to_dict()
    names = {e["id"]: e["name"] for e in report["entities"]}
    lying = [a for a in report["accusations"] if a["allegation"]["text"].endswith("lying")]
    assert [(names[a["accuser"]], names[a["accused"]]) for a in lying] == [
        ("Keith Ellison", "Austin Monahan")
    ]


def test_an_allegation_stops_at_the_signature_of_the_post_it_is_in() -> None:
    report = analysed(POST).to_dict()
    assert [a["allegation"]["text"] for a in report["accusations"]] == ["lying"]
    karen = next(e for e in report["entities"] if e["name"] == "Karen Monahan")
    assert karen["labels"] == []  # she signs the post: no appositive of "my son"


def test_a_misread_description_casts_no_gender_vote_for_its_actor() -> None:
    text = (
        "Keith Ellison spoke on Monday.\n"
        "The caller reported she was assaulted by Keith Ellison.\n"
        "The caller said again that she was assaulted by Keith Ellison.\n"
        "Two women said he abused them."
    )
    assert ("women", "Keith Ellison") in [e[:2] for e in edges(text)]


def test_not_hesitating_to_deny_is_a_denial() -> None:
    text = (
        "Tomas Rell accused the Open Hand Movement of plotting attacks. The Open Hand Movement "
        "did not hesitate to deny the allegations."
    )
    (accusation,) = analysed(text).to_dict()["accusations"]
    assert [d["text"] for d in accusation["denials"]] == ["deny"]
