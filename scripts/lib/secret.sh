# A fresh random password for the throwaway accounts of a benchmark or the EAR smoke test (24 letters and digits
# from /dev/urandom): nothing in the scripts is a credential; a run that must be reused prints the one it made.
random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
