"""Words shared by the team and activity pages: kinds, audiences and statuses."""


class TeamWords:
    """Names of codes stored on teams, activities and sign-ups."""

    TEAM_KINDS = {"troupe": "文艺队", "volunteer": "志愿服务队"}
    MEMBER_STATUS = {
        "pending": "待队长同意",
        "active": "已入队",
        "declined": "未同意",
        "left": "已退出",
    }
    MEMBER_ROLES = {"member": "队员", "leader": "队长"}
    ACTIVITY_KINDS = {
        "show": "演出",
        "rehearsal": "排练",
        "service": "志愿服务",
        "sale": "义卖",
        "study": "学习",
    }
    AUDIENCES = {"public": "居民都可参加", "members": "仅限党员"}
    SIGNUP_STATUS = {"signed": "已报名", "waiting": "候补中", "cancelled": "已取消"}
    # where an activity stands now (services/activity_calendar.phase)
    ACTIVITY_PHASES = {
        "open": "报名中",
        "started": "进行中",
        "ended": "已结束",
        "cancelled": "已取消",
    }
    COMMUNITY_ACTIVITY = "社区活动"  # an activity that belongs to no team
    NOT_LEADER = "只有这支队伍的队长或社区工作人员可以这样做。"
    NO_TEAM = "没有找到这支队伍，它可能已经停止活动。"
    NO_ACTIVITY = "没有找到这个活动，它可能已被取消。"
