#!/usr/bin/python3
"""scikit-learn peer for the framing classifier.

TF-IDF character 2-5-grams (inside word boundaries) + LogisticRegression(class_weight="balanced"), one per framing,
cross-validated on the SAME folds as `discourse train --folds-out` and evaluated on a real development set.
Prints one JSON line. Run with Debian's /usr/bin/python3 (apt-get install -y python3-sklearn).
"""
import argparse
import glob
import json
import os
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

LABELS = ["sovereignty", "non_aggression", "anti_western_media"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fit_predict(train, test):
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    x_train = vectorizer.fit_transform([p["text"] for p in train])
    x_test = vectorizer.transform([p["text"] for p in test])
    predictions = {}
    for label in LABELS:
        y = [p["labels"][label] for p in train]
        model = LogisticRegression(class_weight="balanced", max_iter=2000)
        model.fit(x_train, y)
        predictions[label] = model.predict(x_test)
    return predictions


def macro_f1(gold, predictions, lang=None):
    scores = []
    for label in LABELS:
        pairs = [(p["labels"][label], predictions[label][i]) for i, p in enumerate(gold) if lang is None or p["lang"] == lang]
        scores.append(f1_score([g for g, _ in pairs], [q for _, q in pairs], zero_division=0))
    return sum(scores) / len(scores), scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--folds", required=True, help="JSON lines {id, fold} written by `discourse train --folds-out`")
    parser.add_argument("--real-dev", help="labelled JSONL judged by the model trained on the whole corpus")
    args = parser.parse_args()

    passages = []
    for path in sorted(glob.glob(os.path.join(args.corpus, "*.jsonl"))):
        passages.extend(read_jsonl(path))
    fold_of = {row["id"]: row["fold"] for row in read_jsonl(args.folds)}
    missing = [p["id"] for p in passages if p["id"] not in fold_of]
    if missing:
        raise SystemExit(f"{len(missing)} passages have no fold in {args.folds} (e.g. {missing[0]}): regenerate it from the same corpus")

    started = time.time()
    out_of_fold = {label: [0] * len(passages) for label in LABELS}
    for fold in sorted(set(fold_of.values())):
        train = [p for p in passages if fold_of[p["id"]] != fold]
        test_index = [i for i, p in enumerate(passages) if fold_of[p["id"]] == fold]
        predictions = fit_predict(train, [passages[i] for i in test_index])
        for label in LABELS:
            for k, i in enumerate(test_index):
                out_of_fold[label][i] = predictions[label][k]

    cv, per_label = macro_f1(passages, out_of_fold)
    result = {
        "peer": "sklearn char_wb 2-5 tfidf + LogisticRegression(balanced)",
        "passages": len(passages),
        "cv_macro_f1": round(cv, 4),
        "cv_macro_f1_en": round(macro_f1(passages, out_of_fold, "en")[0], 4),
        "cv_macro_f1_ru": round(macro_f1(passages, out_of_fold, "ru")[0], 4),
        "cv_f1_per_label": dict(zip(LABELS, [round(s, 4) for s in per_label])),
    }
    if args.real_dev:
        gold = read_jsonl(args.real_dev)
        predictions = fit_predict(passages, gold)
        result["real_dev_macro_f1"] = round(macro_f1(gold, predictions)[0], 4)
    result["seconds"] = round(time.time() - started, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
