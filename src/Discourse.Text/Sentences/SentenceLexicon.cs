using System.Collections.Frozen;

namespace Discourse.Text.Sentences;

/// <summary>
/// The word lists behind sentence splitting. Abbreviations are matched lower-cased without their final dot; both
/// languages' lists are always active because English documents quote Russian names and Russian ones quote "U.S.".
/// </summary>
internal static class SentenceLexicon
{
    /// <summary>Titles and place words that precede a name: never a sentence end before a capitalised word.</summary>
    public static readonly FrozenSet<string> Prepositive = FrozenSet.ToFrozenSet(
    [
        "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "st", "mt", "sen", "gen", "gov", "rep", "rev", "hon", "lt",
        "col", "capt", "sgt", "cpl", "adm", "cmdr", "insp", "supt", "pres", "amb", "atty",
        "г", "им", "ул", "пл", "пер", "просп", "наб", "ш", "пос", "пгт", "дер", "проф", "акад", "доц", "ген", "св",
        "тов", "гр", "г-н", "г-жа", "ст", "д", "кв", "корп", "стр", "обл", "р-н", "респ",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that end a sentence before only a typical sentence opener ("Co. They", not "Co. KG").</summary>
    public static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "co", "corp", "inc", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "intl", "natl", "govt", "est", "approx",
        "fig", "figs", "vol", "vols", "no", "nos", "p", "pp", "ch", "sec", "art", "para", "ed", "eds", "vs", "v", "cf",
        "al", "viz", "ave", "blvd", "rd", "ft", "min", "max", "hr", "hrs", "sq", "jr", "sr", "esq", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "rs", "btw", "med", "ind", "ca", "tel", "ext", "misc", "dist", "op", "pt", "pts",
        "gg", "e.g", "i.e", "u.s", "u.k", "e.u", "u.n", "ph.d", "p.o", "i.v", "u.s.a",
        "гг", "др", "пр", "см", "ср", "напр", "рис", "табл", "тыс", "млн", "млрд", "руб", "коп", "долл", "дол", "чел",
        "кг", "км", "мин", "сек", "янв", "фев", "февр", "мар", "апр", "авг", "сент", "сен", "окт", "нояб", "дек",
        "вв", "зам", "нач", "ред", "изд", "гос", "ок", "куб", "ед", "экз", "мл", "ч", "т", "тт", "т.е", "т.к", "н.э",
        "у.е", "и.о", "т.н",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that commonly close a sentence: a sentence ends after them before any capitalised word.</summary>
    public static readonly FrozenSet<string> Enders = FrozenSet.ToFrozenSet(
    [
        "etc", "a.m", "p.m", "т.д", "т.п", "др", "пр",
    ], StringComparer.Ordinal);

    /// <summary>Words that typically open a sentence (after an abbreviation that may or may not end one).</summary>
    public static readonly FrozenSet<string> Starters = FrozenSet.ToFrozenSet(
    [
        "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
        "Her", "Their", "Our", "My", "Your", "There", "Here", "What", "When", "Where", "Why", "How", "Who", "Which",
        "But", "And", "Or", "So", "If", "In", "On", "At", "For", "From", "To", "With", "By", "As", "However",
        "Meanwhile", "Millions", "Thousands", "Hundreds", "More", "Most", "Many", "Some", "Several", "All", "Both",
        "Each", "Every", "No", "None", "Not", "Being", "Did", "Do", "Does", "Is", "Are", "Was", "Were", "Has", "Have",
        "Had", "Will", "Would", "Can", "Could", "Should", "Then", "Thus", "Therefore", "Also", "After", "Before",
        "Since", "While", "Although", "Though", "Yet", "Still", "Now", "Today", "Yesterday", "Tomorrow", "Last", "Next",
        "One", "Two", "Three", "Later", "Earlier", "According", "Other", "Another", "Such", "Despite", "During",
        "Because", "Once", "Even", "Only", "Instead", "Indeed", "Moreover", "Furthermore", "Finally", "First",
        "Nevertheless", "Overall", "Please", "Let",
        "Он", "Она", "Оно", "Они", "Мы", "Я", "Вы", "Ты", "Это", "Этот", "Эта", "Эти", "Все", "Всё", "Вот", "В", "Во",
        "На", "По", "С", "Со", "Но", "А", "И", "Однако", "Как", "Что", "Когда", "Где", "Так", "Также", "Кроме", "При",
        "После", "До", "Для", "Из", "За", "К", "О", "Об", "От", "У", "Там", "Здесь", "Сегодня", "Вчера", "Теперь",
        "Тогда", "Поэтому", "Если", "Хотя", "Его", "Ее", "Её", "Их", "Ранее", "Затем", "Между", "Среди", "Уже",
        "Еще", "Ещё", "Не", "Нет", "Да", "Только", "Многие", "Некоторые", "Согласно",
    ], StringComparer.Ordinal);
}
