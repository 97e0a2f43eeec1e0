"""The scope screen: which IT functions go out and which stay in house."""
