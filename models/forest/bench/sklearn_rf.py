# Bench child: scikit-learn RandomForestClassifier(n_estimators=100, n_jobs=2) on a bench file, one JSON line out.
import json, pickle, resource, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

path, n_rows, n_features, n_train = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
raw = np.fromfile(path, dtype=np.uint8)
X = raw[: n_features * n_rows * 4].view(np.float32).reshape(n_features, n_rows).T.copy()
y = raw[n_features * n_rows * 4 : n_features * n_rows * 4 + n_rows]
# scikit-learn < 1.4 forests reject NaN: encode missing as -999, below every real value.
X = np.nan_to_num(X, nan=-999.0)
model = RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=1)
t0 = time.perf_counter()
model.fit(X[:n_train], y[:n_train])
train_s = time.perf_counter() - t0
p = model.predict_proba(X)[:, 1]  # also the warm-up pass
# The timing rule of bestPass.ts: at least 2 timed passes, more until 1 s has been spent; the fastest counts.
predict_s, spent, passes = float("inf"), 0.0, 0
while passes < 2 or spent < 1.0:
    t1 = time.perf_counter()
    model.predict_proba(X)
    s = time.perf_counter() - t1
    predict_s, spent, passes = min(predict_s, s), spent + s, passes + 1
print(json.dumps({
    "contender": "scikit-learn RF (n_jobs=2)",
    "trees": 100,
    "trainSeconds": train_s,
    "predictRowsPerSecond": n_rows / predict_s,
    "holdoutAuc": float(roc_auc_score(y[n_train:], p[n_train:])),
    "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "modelMB": len(pickle.dumps(model)) / 1e6,
    "note": "sklearn " + __import__("sklearn").__version__ + ", missing as -999",
}))
