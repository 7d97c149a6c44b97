"""The relations stage: what a clause says of two states (issue #18). Inputs written by hand."""

from __future__ import annotations

import pytest


def _lines(doc):
    return {(r.a, r.b, r.kind, r.area, r.third, r.background) for r in doc.relations}


def _kinds(doc, a, b):
    """The kinds of line the pair (a < b) gets."""
    return {kind for x, y, kind, *_ in _lines(doc) if (x, y) == (a, b)}


def test_relations_an_enumeration_of_areas_gives_one_line_each(analyse):
    doc = analyse("Russia and India discussed their ties on Tuesday. Both sides underlined the convergences "
                  "— deepening defence and energy cooperation; partnership in space and nuclear sectors.",
                  published="2021-04-06")
    found = {(a, b, kind, area) for a, b, kind, area, _, _ in _lines(doc)}
    for area in ("defence", "energy", "space", "nuclear"):
        assert ("IND", "RUS", "convergence", area) in found, area


def test_relations_a_disagreement_is_never_a_convergence(analyse):
    doc = analyse("Turkey rejected the sanctions the United States imposed over its missile purchase.",
                  published="2019-12-16")
    kinds = _kinds(doc, "TUR", "USA")
    assert kinds == {"divergence"}


def test_relations_negated_cooperation_is_a_divergence(analyse):
    doc = analyse("Germany did not agree with France on the budget.", published="2020-01-10")
    assert {kind for _, _, kind, *_ in _lines(doc)} == {"divergence"}


def test_relations_a_clause_led_by_its_condition_is_no_relation_yet(analyse):
    doc = analyse("If the United States approaches us positively, Turkey will cooperate with it.", published="2019-12-16")
    assert not doc.relations


def test_relations_two_clauses_set_against_each_other_state_a_divergence(analyse):
    doc = analyse("Lavrov stuck to the formulation Asia Pacific, while his Indian counterpart Jaishankar used Indo-Pacific.",
                  published="2021-04-06")
    kinds = _kinds(doc, "IND", "RUS")
    assert kinds == {"divergence"}


@pytest.mark.parametrize(("text", "published"), [
    ("Relations between Turkey and Israel soured in 2010 after a raid.", "2021-05-10"),
    # a decade long before the article, counted to its last year
    ("Relations between Turkey and Israel soured in the 1990s.", "2021-05-10"),
    # an anniversary is of something long ago
    ("The ceremony marked the 20th anniversary of the attack by Iraq on Kuwait.", "2010-08-02"),
])
def test_relations_history_is_background(analyse, text, published):
    doc = analyse(text, published=published)
    assert doc.relations and all(r.background for r in doc.relations)


def test_relations_a_sentence_about_the_two_is_about_the_pair_named_before(analyse):
    doc = analyse("Turkey and Russia signed a gas deal. Bilateral trading ties are also deepening around energy.",
                  published="2019-12-16")
    second = [r for r in doc.relations if r.evidence.text.startswith("Bilateral")]
    assert second and {(r.a, r.b, r.kind) for r in second} == {("RUS", "TUR", "convergence")}
    assert "the pair named before" in second[0].basis


def test_relations_a_third_state_dealing_with_one_of_the_main_pair_is_a_third_party(analyse):
    doc = analyse("Turkey and the United States clashed over the missile deal. Washington threatened Ankara with sanctions. "
                  "Turkey and the United States disagreed again on Monday. Turkey bought missiles from Russia. "
                  "Turkey also signed a vaccine accord with Greece.",
                  published="2019-12-16")
    third = {(r.third, r.area) for r in doc.relations if r.kind == "third_party" and (r.a, r.b) == ("TUR", "USA")}
    assert ("RUS", "defence") in third  # converging with Russia where the pair splits
    assert not any(t == "GRC" for t, _ in third)  # cooperation in an area the pair does not dispute


def test_relations_areas_match_their_keywords_in_any_inflection(analyse):
    # "deportations" is the migration keyword "deportation"; the line is not "general".
    doc = analyse("Thailand and China agreed on the deportations.", published="2025-03-01")
    areas = {area for a, b, kind, area, _, _ in _lines(doc) if (a, b, kind) == ("CHN", "THA", "convergence")}
    assert areas == {"migration"}


def test_relations_a_conflict_that_did_not_happen_is_no_cooperation(analyse):
    # "did not impose sanctions" is neither side: it must not vote for a convergence
    doc = analyse("Brazil did not impose sanctions on Argentina.", published="2022-03-01")
    assert not _kinds(doc, "ARG", "BRA") & {"convergence"}


def test_relations_talks_that_failed_are_a_divergence(analyse):
    doc = analyse("Talks between Ethiopia and Egypt failed in Washington last week.", published="2020-03-01")
    kinds = _kinds(doc, "EGY", "ETH")
    assert kinds == {"divergence"}


def test_relations_a_broken_agreement_is_a_divergence(analyse, pipeline):
    # the cue is "agreement", the verb says it was broken
    # (the cue words alone: the rules coder's 128 "defy norms" would make it a divergence anyway)
    from tightrope.models import Article, ArticleDoc
    from tightrope.relations.statements import _cue_votes

    for text in ("Unfortunately, Somalia has so far violated the signed agreement with Kenya repeatedly.",
                 "Somalia breached the ceasefire agreement with Kenya."):
        doc = ArticleDoc(article=Article.from_text(text))
        for stage in pipeline.stages[:2]:  # parse, actors
            doc = stage(doc)
        votes, words, *_ = _cue_votes(doc.parsed[:])
        assert votes == {"convergence": 0, "divergence": 1} and words == ["failed agreement"]
    doc = analyse("Somalia and Kenya signed a trade agreement.", published="2021-03-01")
    assert "convergence" in _kinds(doc, "KEN", "SOM")


def test_relations_an_appeal_is_not_a_convergence(analyse):
    doc = analyse("Venezuela asked Colombia to reopen the border crossing.", published="2019-06-01")
    assert "convergence" not in _kinds(doc, "COL", "VEN")


def test_relations_a_leading_while_clause_is_its_own_clause(analyse):
    # The convergence cue of the leading clause ("keen") must not decide the main clause's pair.
    doc = analyse("Norway sold its gas to Poland last year. While Poland is keen on buying it again, "
                  "Germany has repeatedly expressed reservations about Poland.", published="2022-05-01")
    pair = _kinds(doc, "DEU", "POL")
    assert pair == {"divergence"}
    areas = {area for a, b, kind, area, *_ in _lines(doc) if (a, b) == ("DEU", "POL")}
    assert "energy" in areas  # what "it" points back to


def test_relations_a_month_and_year_long_before_the_article_is_background(analyse):
    doc = analyse("Kenya and Uganda signed a railway pact in February 2020.", published="2021-05-09")
    assert doc.relations and all(r.background for r in doc.relations)
    recent = analyse("Kenya and Uganda signed a railway pact in February 2021.", published="2021-05-09")
    assert recent.relations and not any(r.background for r in recent.relations)


def test_relations_cooperation_held_up_is_a_divergence(analyse):
    doc = analyse("The president ordered his ministers to delay $90 million in economic aid from Japan to Peru.",
                  published="2020-03-01")
    kinds = _kinds(doc, "JPN", "PER")
    assert kinds == {"divergence"}


def test_relations_good_relations_said_through_the_verb(analyse):
    doc = analyse("Chile and Peru say their economic relations are in good condition.", published="2020-03-01")
    assert ("CHL", "PER", "convergence", "trade") in {(a, b, k, area) for a, b, k, area, *_ in _lines(doc)}


def test_relations_the_speaker_of_a_quotation_is_a_party_to_it(analyse):
    doc = analyse('"Relations with Peru have never been so warm. We are partners in every field," '
                  "the Chilean foreign minister said on Monday.", published="2022-05-01")
    first = [r for r in doc.relations if r.evidence.text.startswith('"Relations with Peru')]
    assert {(r.a, r.b, r.kind) for r in first} == {("CHL", "PER", "convergence")}


def test_relations_states_listed_together_as_objects_are_not_a_pair(analyse):
    doc = analyse("The president roiled relations with Canada and Mexico.", published="2025-03-01")
    assert ("CAN", "MEX") not in {(a, b) for a, b, *_ in _lines(doc)}
    subjects = analyse("Russia and India agreed to deepen defence ties.", published="2021-04-06")
    assert ("IND", "RUS", "convergence") in {(a, b, k) for a, b, k, *_ in _lines(subjects)}


def test_relations_a_cue_in_a_concession_is_set_aside(analyse):
    # "tensions" would tie with "close ties"; what the clause concedes says nothing of its side
    doc = analyse("Brazil has built close ties with Argentina despite tensions over tariffs.", published="2021-03-01")
    assert _kinds(doc, "ARG", "BRA") == {"convergence"}


def test_relations_a_gerund_in_a_concession_is_set_aside_too(analyse):
    # "backing", "rival", "war" would outvote "partners"; "despite backing ..." concedes them
    doc = analyse("Brazil and Argentina remain close partners despite backing rival sides in the civil war.",
                  published="2021-03-01")
    assert _kinds(doc, "ARG", "BRA") == {"convergence"}


def test_relations_the_two_are_the_pair_named_before(analyse):
    def said_of_the_two(doc, start):
        return {(r.a, r.b, r.kind) for r in doc.relations if r.evidence.text.startswith(start)}

    before = "Russia and China signed a pipeline deal on Monday. "
    bare = analyse(before + "The two are now important energy partners.", published="2021-03-01")
    assert said_of_the_two(bare, "The two are") == {("CHN", "RUS", "convergence")}
    # a third state named beside "the two presidents" is where they act, not one of the two
    beside = analyse(before + "The two presidents are cooperating closely in Syria.", published="2021-03-01")
    assert said_of_the_two(beside, "The two presidents") == {("CHN", "RUS", "convergence")}


def test_relations_an_act_dated_to_the_present_is_current_though_it_speaks_of_history(analyse):
    told = "Canada imposed sanctions on Venezuela's former minister over corruption during his time in office."
    assert all(r.background for r in analyse(told, published="2021-03-01").relations)
    now = analyse("This week Canada imposed sanctions on Venezuela's former minister over corruption during his time "
                  "in office.", published="2021-03-01")
    assert now.relations and not any(r.background for r in now.relations)


def test_relations_every_state_or_organisation_listed_with_a_presser_is_a_third_party(analyse):
    doc = analyse("Germany, the United Nations and rights groups condemned Thailand for sending refugees back to China.",
                  published="2021-03-01")
    thirds = {third for a, b, kind, _, third, _ in _lines(doc) if (a, b) == ("CHN", "THA") and kind == "third_party"}
    assert thirds == {"DEU", "UN"}


def test_relations_a_word_about_the_relationship_itself_gives_a_general_line(analyse):
    doc = analyse("Tensions between Japan and South Korea rose over export controls on chip materials.",
                  published="2021-03-01")
    areas = {area for a, b, kind, area, *_ in _lines(doc) if (a, b) == ("JPN", "KOR") and kind == "divergence"}
    assert areas == {"trade", "general"}


def test_relations_same_and_shared_speak_of_a_stance_not_of_any_likeness(analyse):
    assert not analyse("Chile argues its maritime border with Peru should follow the same line as its land border.",
                       published="2021-03-01").relations
    assert _kinds(analyse("Chile and Peru have the same position on the fishing quotas.", published="2021-03-01"),
                  "CHL", "PER") == {"convergence"}


def test_relations_a_cue_denied_by_the_verb_it_depends_on_is_negated(analyse):
    assert _kinds(analyse("Egypt does not see Ethiopia as a reliable partner.", published="2021-03-01"),
                  "EGY", "ETH") == {"divergence"}


def test_relations_the_withholding_of_aid_is_a_divergence(analyse):
    doc = analyse("Parliament asked for records on the withholding of military aid to Georgia by Britain.",
                  published="2021-03-01")
    assert _kinds(doc, "GBR", "GEO") == {"divergence"}


def test_relations_a_clause_is_read_for_the_two_states_that_are_its_subject(analyse):
    doc = analyse("Tokyo and Canberra shared concerns over China's naval expansion.", published="2021-03-01")
    assert _kinds(doc, "AUS", "JPN") == {"convergence"}
    assert not _kinds(doc, "CHN", "JPN") & {"convergence", "divergence"}


def test_relations_a_state_named_as_where_an_act_took_place_is_no_party(analyse):
    doc = analyse("Taliban insurgents met a United States envoy in Qatar.", published="2021-03-01")
    assert not _kinds(doc, "QAT", "USA")
    assert _kinds(analyse("Japan invested in India's railways.", published="2021-03-01"), "IND", "JPN")


def test_relations_a_conditional_offer_is_no_convergence_yet(analyse):
    doc = analyse("The Brazilian president would meet Argentina's leader if there is a prospect of making a deal.",
                  published="2021-03-01")
    assert "convergence" not in _kinds(doc, "ARG", "BRA")
    doc = analyse("Brazil signed a trade deal with Argentina.", published="2021-03-01")
    assert "convergence" in _kinds(doc, "ARG", "BRA")


def test_relations_an_insurgency_is_not_its_state(analyse):
    assert not _kinds(analyse("Taliban insurgents met a United States envoy on Monday.", published="2021-03-01"), "AFG", "USA")
    assert _kinds(analyse("Afghan officials met a United States envoy on Monday.", published="2021-03-01"), "AFG", "USA")


def test_relations_words_about_two_other_states_say_nothing_of_a_third(analyse):
    doc = analyse("The report describes China's tacit support for Russia's war against Ukraine.", published="2021-03-01")
    assert _kinds(doc, "RUS", "UKR") == {"divergence"}
    assert not _kinds(doc, "CHN", "UKR")


def test_relations_undoing_a_measure_is_a_step_toward_the_other_side(analyse):
    doc = analyse("The United States offered to lift the sanctions placed on Iran.", published="2021-03-01")
    assert _kinds(doc, "IRN", "USA") == {"convergence"}
    # asked of Washington by a third state, the lifting is not yet Washington's step (2026-12-07)
    asked = analyse("Japan asked the United States to lift the sanctions placed on Iran.", published="2021-03-01")
    assert "convergence" not in _kinds(asked, "IRN", "USA")


def test_relations_a_cue_in_a_hyphenated_description_is_no_act(analyse):
    assert not analyse("Canada described the Mexican migrants as high-threat.", published="2021-03-01").relations
    assert not analyse("Canada sent the high-threat detainees back to Mexico.", published="2021-03-01").relations


def test_relations_a_state_word_on_a_nonstate_agent_is_not_the_state(analyse):
    doc = analyse("Palestinian activists protested against the United States embassy.", published="2021-03-01")
    assert not _kinds(doc, "PSE", "USA")


def test_relations_two_clauses_leaning_the_same_way_are_side_by_side_not_against_each_other(analyse):
    # both speakers praise the relationship: "while" joins two positive clauses, no divergence
    doc = analyse("The German minister praised the cooperation on climate, while the French president said "
                  "relations were warm and excellent.", published="2020-01-10")
    assert "divergence" not in _kinds(doc, "DEU", "FRA")
    # one side welcomes what the other condemns: still set against each other
    doc = analyse("The German minister welcomed the pipeline deal, while the French president condemned it.",
                  published="2020-01-10")
    assert "divergence" in _kinds(doc, "DEU", "FRA")
    # one side praises, the other's words lean neither way: side by side
    doc = analyse("The German minister praised the cooperation, while the French president said the "
                  "partnership was valuable.", published="2020-01-10")
    assert "divergence" not in _kinds(doc, "DEU", "FRA")
    # what leans is the predicate: a cue word inside the subject ("after a meeting") does not
    doc = analyse("The French minister, answering questions after a meeting with Scholz, stuck to the phrase "
                  "energy union, while the German minister used the words energy security.", published="2022-01-10")
    assert "divergence" in _kinds(doc, "DEU", "FRA")


def test_relations_a_year_in_a_clause_the_act_holds_dates_that_clause_not_the_act(analyse):
    # the handover is this week's; 2016 dates the detention told in the adverbial clause
    doc = analyse("After detaining the sailors in 2016, Iran agreed with Oman on Tuesday to cooperate on "
                  "maritime security.", published="2020-03-12")
    current = {(a, b, kind) for a, b, kind, _, _, background in _lines(doc) if not background}
    assert ("IRN", "OMN", "convergence") in current
    # the same year on the act itself makes it history
    doc = analyse("In 2016 Iran agreed with Oman to cooperate on maritime security.", published="2020-03-12")
    lines = [line for line in _lines(doc) if line[:2] == ("IRN", "OMN")]
    assert lines and all(background for *_, background in lines)


def test_relations_words_about_the_time_before_the_act_do_not_say_its_side(analyse):
    # the hostility is what came before; what the clause says of the two now is partnership
    doc = analyse("After years of hostility and threats, Egypt and Turkey are now partners in trade.",
                  published="2021-05-10")
    assert _kinds(doc, "EGY", "TUR") == {"convergence"}


def test_relations_declined_is_a_refusal_only_with_what_is_refused(analyse):
    doc = analyse("Kenya's exports to Somalia declined to 3 million dollars.", published="2021-05-10")
    assert "divergence" not in _kinds(doc, "KEN", "SOM")
    doc = analyse("Kenya declined to attend talks with Somalia.", published="2021-05-10")
    assert "divergence" in _kinds(doc, "KEN", "SOM")


def test_relations_moving_closer_or_drifting_apart_says_how_near_the_two_stand(analyse):
    doc = analyse("The Philippines is moving closer to China.", published="2019-09-01")
    assert _kinds(doc, "CHN", "PHL") == {"convergence"}
    doc = analyse("Australia and Japan have drifted apart.", published="2019-09-01")
    assert "convergence" not in _kinds(doc, "AUS", "JPN")
    # "close" said of anything else is no accord
    doc = analyse("The Philippines moved its ships close to China.", published="2019-09-01")
    assert "convergence" not in _kinds(doc, "CHN", "PHL")


def test_relations_angering_the_other_is_a_divergence(analyse):
    doc = analyse("The Turkish court ruling angered Washington.", published="2019-09-01")
    assert _kinds(doc, "TUR", "USA") == {"divergence"}


def test_relations_a_clause_naming_many_states_is_read_for_the_parties_of_its_own_act(analyse):
    doc = analyse("The Philippines and China have been disputing the South China Sea for years, a fight joined "
                  "by Brunei, Malaysia, Taiwan and Vietnam.", published="2021-04-06")
    assert "divergence" in _kinds(doc, "CHN", "PHL")
    # the states of the apposition are no pair of the clause's act
    assert not any({"BRN", "MYS"} <= {a, b} for a, b, *_ in _lines(doc))


def test_relations_a_state_organ_no_state_was_found_for_is_the_article_s_state(analyse):
    # "the foreign ministry" has no state in its sentence, which names two others: it is the organ
    # of the state the article is about; protesters are no organ of any state
    lead = "Kenya hosted a summit on Monday. Kenya wants more trade with its neighbours. "
    doc = analyse(lead + "The foreign ministry condemned Uganda and Tanzania for closing the border.", published="2021-05-01")
    assert "divergence" in _kinds(doc, "KEN", "TZA")
    doc = analyse(lead + "Protesters condemned Uganda and Tanzania for closing the border.", published="2021-05-01")
    assert not {(a, b) for a, b, *_ in _lines(doc)} & {("KEN", "TZA"), ("KEN", "UGA")}


def test_relations_what_an_appeal_asks_for_is_not_done(analyse):
    # "strengthen cooperation" is what Washington asks of Haiti, not an accord the two have reached
    doc = analyse("The United States urged Haiti to strengthen its cooperation with the police.", published="2021-02-26")
    assert "convergence" not in _kinds(doc, "HTI", "USA")
    done = analyse("The United States and Haiti agreed to strengthen their cooperation.", published="2021-02-26")
    assert "convergence" in _kinds(done, "HTI", "USA")


def test_relations_the_occasion_of_an_act_is_not_what_was_done(analyse):
    # "the summit", "the talks" say where: the act is what the two did there
    soured = analyse("Relations between Brazil and Argentina soured at the summit.", published="2021-03-01")
    assert _kinds(soured, "ARG", "BRA") == {"divergence"}


def test_relations_an_organisation_named_as_the_venue_is_no_party(analyse):
    # the Security Council is where the United States spoke, not a party that criticised anyone
    doc = analyse("Haiti's president was criticized by U.S. representatives at a Security Council meeting.",
                  published="2021-02-26")
    assert {(r.a, r.b) for r in doc.relations if r.kind != "third_party"} == {("HTI", "USA")}


_SOMALIA = ("Somalia and the United States held talks in Mogadishu on Monday. Somalia and the United States "
            "discussed the vote in a second meeting. ")


def test_relations_a_clause_whose_only_actor_is_one_of_the_main_pair_is_about_that_pair(analyse):
    doc = analyse(_SOMALIA + "On Tuesday, the United States criticised the approval of the bill.",
                  published="2021-04-14")
    last = [r for r in doc.relations if r.evidence.text.startswith("On Tuesday")]
    assert last and {(r.a, r.b, r.kind) for r in last} == {("SOM", "USA", "divergence")}
    assert "the article's main pair" in last[0].basis


def test_relations_a_clause_naming_another_actor_is_not_about_the_main_pair(analyse):
    doc = analyse(_SOMALIA + "On Tuesday, Somali officials accused al-Shabaab of plotting the attack.", published="2021-04-14")
    assert not [r for r in doc.relations if r.evidence.text.startswith("On Tuesday")]
    doc = analyse(_SOMALIA + "On Tuesday, Somalia banned the import of chicks from Europe.", published="2021-04-14")
    assert not [r for r in doc.relations if r.evidence.text.startswith("On Tuesday")]


def test_relations_a_single_state_is_no_line_where_no_pair_is_named_twice(analyse):
    doc = analyse("Somalia and the United States held talks on Monday. On Tuesday, the United States said it was "
                  "criticised the approval of the bill.", published="2021-04-14")
    assert not [r for r in doc.relations if r.evidence.text.startswith("On Tuesday")]


def test_relations_the_decade_of_the_article_is_not_background(analyse):
    doc = analyse("Relations between Turkey and Israel soured in the 2020s.", published="2021-05-10")
    assert doc.relations and not any(r.background for r in doc.relations)


def test_relations_an_organisations_official_stands_for_the_organisation(analyse):
    # Stoltenberg is NATO's party to the pressure on Turkey, not a third party of his own
    doc = analyse("NATO Secretary General Jens Stoltenberg warned Turkey over its purchase of Russian missiles.",
                  published="2019-12-16")
    assert {(r.a, r.b, r.third) for r in doc.relations if r.kind == "third_party"} == {("RUS", "TUR", "NATO")}
    assert {(r.a, r.b) for r in doc.relations} <= {("RUS", "TUR"), ("NATO", "TUR")}


def test_relations_a_description_of_a_party_is_not_the_clauses_act(analyse):
    # "two long-time U.S. allies" describes Mexico and Canada; what Washington did is the roiling
    doc = analyse("Washington roiled relations with Mexico and Canada, two long-time U.S. allies.", published="2025-03-10")
    assert _kinds(doc, "MEX", "USA") == {"divergence"}
    # with no act of its own that says a side, the clause's description of a party says it
    doc = analyse("The US president spoke of Mexico, which is a long-time ally of the United States.", published="2025-03-10")
    assert _kinds(doc, "MEX", "USA") == {"convergence"}


def test_relations_according_to_says_who_says_it_not_an_accord(analyse):
    doc = analyse("According to Japan, China has been building bases on the islands.", published="2021-03-01")
    assert "convergence" not in _kinds(doc, "CHN", "JPN")


def test_relations_what_a_question_asks_about_has_not_happened(analyse):
    doc = analyse("Japan will have to see whether another summit with China is appropriate.", published="2021-03-01")
    assert "convergence" not in _kinds(doc, "CHN", "JPN")
    held = analyse("Japan held another summit with China.", published="2021-03-01")
    assert "convergence" in _kinds(held, "CHN", "JPN")


def test_relations_where_a_meeting_sat_or_a_person_serves_is_no_party(analyse):
    doc = analyse("Iran's foreign minister held talks with his Saudi counterpart in Beijing.", published="2023-05-10")
    assert {(r.a, r.b, r.kind) for r in doc.relations} == {("IRN", "SAU", "convergence")}


def test_relations_a_cue_speaks_of_pairs_with_its_verbs_subject_in_them(analyse):
    # China opposes the contact: the contact between the two others is not a divergence of theirs
    doc = analyse("Beijing firmly opposes any official contact between the United States and Taiwan.", published="2023-05-10")
    assert "divergence" in _kinds(doc, "CHN", "USA") and "divergence" in _kinds(doc, "CHN", "TWN")
    assert "divergence" not in _kinds(doc, "TWN", "USA")
    doc = analyse("Ankara has blocked Sweden's bid to join NATO.", published="2023-05-10")
    assert _kinds(doc, "SWE", "TUR") == {"divergence"}
    # Turkey presses on Sweden's dealings with NATO (a third party), not a split of Sweden and NATO
    assert {(r.kind, r.third) for r in doc.relations if {r.a, r.b} == {"NATO", "SWE"}} <= {("third_party", "TUR")}


def test_relations_at_war_and_at_odds_are_states_not_occasions(analyse):
    assert _kinds(analyse("France and Italy are at odds over migration policy.", published="2023-05-10"),
                  "FRA", "ITA") == {"divergence"}
    assert _kinds(analyse("Russia and Ukraine are at war.", published="2023-05-10"), "RUS", "UKR") == {"divergence"}
