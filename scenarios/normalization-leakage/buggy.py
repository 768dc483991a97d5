import pandas as pd
import torch
from torch.utils.data import TensorDataset

WINDOW = 28  # days of history the model sees for each forecast


class MinMaxScaler:
    """Maps volumes to [0, 1]. Saved with the model; the serving job reuses it as is."""

    def fit(self, values: torch.Tensor) -> "MinMaxScaler":
        self.lo = values.min().item()
        self.hi = values.max().item()
        return self

    def transform(self, values: torch.Tensor) -> torch.Tensor:
        return (values - self.lo) / (self.hi - self.lo)

    def inverse_transform(self, scaled: torch.Tensor) -> torch.Tensor:
        return scaled * (self.hi - self.lo) + self.lo


def load_volumes(path: str) -> pd.DataFrame:
    """One row per day: date, parcels (thousands of parcels received at the hub)."""
    df = pd.read_csv(path, parse_dates=["date"]).sort_values("date").reset_index(drop=True)
    assert df["date"].diff().dropna().eq(pd.Timedelta(days=1)).all(), "gap in the daily series"
    return df


def build_datasets(path: str, val_start: str, val_end: str):
    df = load_volumes(path)
    volumes = torch.tensor(df["parcels"].to_numpy(), dtype=torch.float32)

    scaler = MinMaxScaler().fit(volumes)
    scaled = scaler.transform(volumes)

    # One example per target day: the previous WINDOW days -> that day's volume
    x = torch.stack([scaled[t - WINDOW:t] for t in range(WINDOW, len(scaled))])
    y = scaled[WINDOW:].unsqueeze(-1)
    target_day = df["date"].iloc[WINDOW:].reset_index(drop=True)

    # Time-based split on the target day: train before val_start, validate on [val_start, val_end]
    is_train = torch.tensor((target_day < pd.Timestamp(val_start)).to_numpy())
    in_val = (target_day >= pd.Timestamp(val_start)) & (target_day <= pd.Timestamp(val_end))
    is_val = torch.tensor(in_val.to_numpy())

    train = TensorDataset(x[is_train], y[is_train])
    val = TensorDataset(x[is_val], y[is_val])
    return train, val, scaler
