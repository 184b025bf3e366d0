"""The community office: the staff home, referrals, accounts, the audit log."""


class Staff:
    TITLE = "工作台"
    COUNTS = "社区概况"
    DISCLOSED = "已亮明身份"
    PENDING = "待核实"
    REFERRALS_OPEN = "待跟进的推荐"
    BY_GRID = "各网格已亮明身份人数"
    GRID_ROW = "{grid}：{count} 人"
    QUEUE = "待核实的身份信息"
    QUEUE_EMPTY = "没有待核实的身份信息"
    FILTER_GRID = "按网格筛选"
    SEARCH = "姓名或手机号（可不填）"
    FILTER = "筛选"
    ALL_GRIDS = "全部网格"
    NO_GRID = "未分网格"
    OPEN = "查看"
    DETAIL = "身份信息"
    APPROVE = "核实通过"
    REJECT = "不通过"
    REJECT_REASON = "不通过的原因"
    REJECT_REASON_HINT = "本人会看到这句话，请写明要改什么"
    APPROVED = "已核实通过，已通知本人。"
    REJECTED = "已退回，已通知本人。"
    ALREADY_REVIEWED = "这份信息已经由 {name} 处理过了（{status}）。"
    NOT_PENDING = "这份信息现在不是待核实状态。"
    BACK_TO_QUEUE = "返回待核实列表"
    REFERRAL_LIST = "以老带新推荐"
    REFERRAL_EMPTY = "还没有推荐"
    REFERRED_BY = "推荐人：{name}"
    FOLLOW_UP = "标为正在联系"
    CLOSE = "结束跟进"
    LINK_PHONE = "已亮明身份者的手机号"
    LINK_PHONE_HINT = "填写他（她）注册时用的手机号，把推荐和身份信息关联起来"
    LINK = "关联"
    STAFF_NOTE = "备注"
    SAVED = "已保存。"
    LINK_NOT_FOUND = "这个手机号还没有提交亮明身份信息"
    SUBMITTED_AT = "提交时间"
    ON_BEHALF = "代填"
    FILL_ON_BEHALF = "为党员代填亮明身份"


class Audit:
    """Audit actions are stored as codes; these are their names."""

    ACTIONS = {
        "activity_waiting_promoted": "候补转为报名",
        "account_locked": "账户锁定",
        "disclosure_on_behalf": "代填身份信息",
        "disclosure_submitted": "代为提交身份信息",
        "disclosure_approved": "核实通过",
        "disclosure_rejected": "退回身份信息",
        "referral_updated": "跟进推荐",
        "referral_linked": "关联推荐",
        "account_created": "创建账户",
        "role_granted": "授予角色",
        "role_revoked": "取消角色",
        "account_disabled": "停用账户",
        "account_enabled": "启用账户",
        "pin_reset_issued": "生成密码重置码",
        "pin_reset_used": "用重置码设新密码",
        "account_unlocked": "解除锁定",
        "visit_scheduled": "安排上门",
        "visit_declined": "不能安排上门",
        "visit_done": "登记已看望",
        "visit_logged": "登记一次看望",
        "campaign_created": "发起节日慰问",
        "care_record_read": "查看健康和帮扶记录",
        "health_record_set": "登记健康档案",
        "help_recorded": "登记帮扶",
        "study_week_written": "写学习材料",
        "study_week_edited": "修改学习材料",
        "study_image_uploaded": "上传学习材料图片",
        "study_session_scheduled": "安排集中学习",
        "study_attendance_ticked": "登记学习出勤",
        "study_attendance_unticked": "取消学习出勤",
        "activity_checkin_ticked": "登记活动签到",
        "activity_checkin_unticked": "取消活动签到",
        "study_home": "登记送学上门",
        "reflection_acknowledged": "已阅学习心得",
        "reflection_commented": "回复学习心得",
        "team_join_approved": "同意入队",
        "team_join_declined": "不同意入队",
        "leader_referral": "队长推荐老党员",
        # staff managing teams and leaders (services/team_admin.py)
        "team_created": "新建队伍",
        "team_edited": "修改队伍",
        "team_stopped": "停止队伍活动",
        "team_leader_set": "设置队长",
        "team_leader_removed": "取消队长",
        "activity_created": "发起活动",
        "activity_edited": "修改活动",
        "activity_cancelled": "取消活动",
        "activity_picture_uploaded": "上传活动图片",
        "service_hours_confirmed": "确认志愿服务时长",
        "charity_sale_recorded": "登记义卖善款",
        "charity_sale_corrected": "更正义卖善款",
    }


class StaffReferral:
    STATUS_LABEL = "跟进情况"
    STATUSES = {"following": "正在联系", "closed": "结束跟进"}
    SAVE = "保存跟进"
    SHOW_ALL = "显示全部推荐"
    SHOW_OPEN = "只看待跟进的"
    HOW_KNOWN = "怎么知道的：{text}"
    WHEREABOUTS = "住址或联系方式：{text}"
    NOTE = "备注：{text}"


class AuditLog:
    TITLE = "操作记录"
    INTRO = "谁在什么时候改了别人的信息，都记在这里。"
    SYSTEM = "系统"
    EMPTY = "还没有操作记录"


class Accounts:
    """Staff managing accounts: find by phone, roles, disable, unlock."""

    TITLE = "账户和角色"
    INTRO = "按手机号找到账户，可以授予或取消角色、停用账户、解除锁定。改动马上生效，对方下一次操作就按新的权限。"
    FIND = "查找账户"
    PHONE = "手机号"
    STATE = "账户状态"
    ACTIVE = "正常"
    DISABLED = "已停用"
    LOCKED = "已锁定（密码输错太多次）"
    SIGN_IN_KIND = {"pin": "6位数字密码登录", "password": "密码登录"}
    ROLES = "角色"
    NO_ROLES = "还没有角色"
    REVOKE = "取消"
    GRANT = "授予角色"
    ROLE = "角色"
    ROLE_CHOOSE = "请选择角色"
    GRID = "网格（只对网格书记）"
    GRID_CHOOSE = "请选择网格"
    DISABLE = "停用账户"
    ENABLE = "重新启用账户"
    UNLOCK = "解除锁定"
    SAVED = "已保存，马上生效。"
    ROLE_MISSING = "请选择要授予的角色"
    GRID_MISSING = "授予网格书记时请选择网格"
    OTHER = "查找其他账户"
    NOT_OWN_ADMIN = "不能取消自己的管理员角色，请另一位管理员操作"
